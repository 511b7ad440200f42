package dev.workbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.ScoreSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns result-set rows into records and parameter maps into JSON and back. Thread-safe. */
final class Rows {

    static final String EXPERIMENT_COLUMNS = "e.id, e.name, e.spec_hash, e.spec_json, e.spec_yaml, e.seed, "
            + "e.strategy, e.metric, e.goal, e.status, e.created_at, e.finished_at, e.provenance_json, e.inference_batch, e.kernels";
    static final String TRIAL_COLUMNS = "t.id, t.experiment_id, t.trial_index, t.params_json, t.seed, t.status, "
            + "t.error, t.score_mean, t.score_std, t.ci95_low, t.ci95_high, t.score_n, t.started_at, t.finished_at, "
            + "t.provenance_json";
    static final String FOLD_RUN_COLUMNS =
            "f.id, f.trial_id, f.fold, f.seed, f.status, f.error, f.started_at, f.finished_at, f.attempt, f.worker, "
                    + "f.backend, f.native_build";
    static final String EPOCH_COLUMNS = "m.fold_run_id, m.epoch, m.train_loss, m.train_accuracy, m.val_loss, "
            + "m.val_accuracy, m.learning_rate, m.seconds";
    static final String REFIT_COLUMNS = "r.experiment_id, r.trial_index, r.seed, r.status, r.error, r.epochs, "
            + "r.test_loss, r.test_accuracy, r.seconds, r.finished_at";

    private final ObjectMapper json = new ObjectMapper();
    private final JavaType paramsType =
            json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Double.class);

    String paramsJson(Map<String, Double> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write parameters as JSON: " + params, e);
        }
    }

    Map<String, Double> params(String text) throws SQLException {
        try {
            return json.readValue(text, paramsType);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored params_json is not a JSON object of numbers: " + text, e);
        }
    }

    ExperimentRow experiment(ResultSet rs) throws SQLException {
        return new ExperimentRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("spec_hash"),
                rs.getString("spec_json"),
                rs.getString("spec_yaml"),
                rs.getLong("seed"),
                rs.getString("strategy"),
                rs.getString("metric"),
                rs.getString("goal"),
                status(rs),
                instant(rs, "created_at"),
                instant(rs, "finished_at"),
                rs.getString("provenance_json"),
                rs.getInt("inference_batch"),
                rs.getInt("kernels"));
    }

    TrialRow trial(ResultSet rs) throws SQLException {
        return new TrialRow(
                rs.getLong("id"),
                rs.getLong("experiment_id"),
                rs.getInt("trial_index"),
                params(rs.getString("params_json")),
                rs.getLong("seed"),
                status(rs),
                rs.getString("error"),
                score(rs),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("provenance_json"));
    }

    /** A fold run without its epochs; see {@link FoldRunRow#withEpochs}. */
    FoldRunRow foldRun(ResultSet rs) throws SQLException {
        return new FoldRunRow(
                rs.getLong("id"),
                rs.getLong("trial_id"),
                rs.getInt("fold"),
                rs.getLong("seed"),
                status(rs),
                rs.getString("error"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                trainedBy(rs),
                List.of());
    }

    private static FoldRunRow.TrainedBy trainedBy(ResultSet rs) throws SQLException {
        Integer attempt = nullableInt(rs, "attempt");
        return attempt == null
                ? null
                : new FoldRunRow.TrainedBy(
                        attempt, rs.getString("worker"), rs.getString("backend"), rs.getString("native_build"));
    }

    EpochMetrics epoch(ResultSet rs) throws SQLException {
        return new EpochMetrics(
                rs.getInt("epoch"),
                rs.getDouble("train_loss"),
                rs.getDouble("train_accuracy"),
                rs.getDouble("val_loss"),
                rs.getDouble("val_accuracy"),
                rs.getDouble("learning_rate"),
                rs.getDouble("seconds"));
    }

    RefitRow refit(ResultSet rs) throws SQLException {
        Refit refit = new Refit(
                rs.getInt("trial_index"),
                rs.getLong("seed"),
                status(rs),
                rs.getString("error"),
                rs.getInt("epochs"),
                nullableDouble(rs, "test_loss"),
                nullableDouble(rs, "test_accuracy"),
                rs.getDouble("seconds"));
        return new RefitRow(rs.getLong("experiment_id"), refit, instant(rs, "finished_at"));
    }

    ReproductionRow reproduction(ResultSet rs) throws SQLException {
        return new ReproductionRow(
                rs.getLong("id"),
                rs.getLong("trial_id"),
                rs.getInt("trial_index"),
                nullableInt(rs, "fold"),
                rs.getString("outcome"),
                rs.getString("detail"),
                rs.getInt("parallel"),
                rs.getString("provenance_json"),
                instant(rs, "verified_at"));
    }

    ExportRow export(ResultSet rs) throws SQLException {
        return new ExportRow(
                rs.getLong("id"),
                rs.getLong("experiment_id"),
                rs.getInt("trial_index"),
                nullableInt(rs, "fold"),
                rs.getString("directory"),
                rs.getString("zip_sha256"),
                nullableDouble(rs, "test_accuracy"),
                instant(rs, "exported_at"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static ScoreSummary score(ResultSet rs) throws SQLException {
        int n = rs.getInt("score_n");
        if (rs.wasNull()) {
            return null;
        }
        return new ScoreSummary(
                rs.getDouble("score_mean"),
                rs.getDouble("score_std"),
                rs.getDouble("ci95_low"),
                rs.getDouble("ci95_high"),
                n);
    }

    private static RunStatus status(ResultSet rs) throws SQLException {
        return RunStatus.of(rs.getString("status"));
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
