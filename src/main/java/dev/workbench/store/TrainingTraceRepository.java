package dev.workbench.store;

import dev.workbench.metrics.ConfusionMatrix;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.SevenBands;
import dev.workbench.metrics.StepMetrics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what a fold run records besides its epochs: steps within epochs, the spread of each layer's weights,
 * and its out-of-fold confusion matrix. They are written through the work queue's fenced path
 * ({@link WorkQueue#addEpoch}, {@link WorkQueue#addSpread}, {@link WorkQueue#saveConfusion}) and go with
 * their fold run (deleted with it when the unit is claimed again). Thread-safe.
 */
public final class TrainingTraceRepository {

    private static final String STEP_COLUMNS = "s.fold_run_id, s.iteration, s.epoch, s.batch, s.images_seen,"
            + " s.train_loss, s.train_accuracy, s.val_loss, s.val_accuracy";
    private static final String SPREAD_COLUMNS = "w.fold_run_id, w.epoch, w.layer_index, w.layer_type, w.param_kind,"
            + " w.value_count, w.q0, w.q1, w.q2, w.q3, w.q4, w.q5, w.q6, w.q7, w.non_finite, w.update_norm";

    private final Database db;
    private final CountsJson counts = new CountsJson();

    TrainingTraceRepository(Database db) {
        this.db = db;
    }

    /** The steps of the given fold runs, in order, by fold run id. */
    public Map<Long, List<StepMetrics>> steps(Collection<Long> foldRunIds) {
        return byFoldRun(
                foldRunIds,
                "SELECT " + STEP_COLUMNS + " FROM step_metric s WHERE s.fold_run_id IN (<ids>)"
                        + " ORDER BY s.fold_run_id, s.iteration",
                TrainingTraceRepository::step);
    }

    /** The weight spreads of the given fold runs, by epoch then layer then W before b, by fold run id. */
    public Map<Long, List<LayerSpread>> spreads(Collection<Long> foldRunIds) {
        return byFoldRun(
                foldRunIds,
                "SELECT " + SPREAD_COLUMNS + " FROM weight_spread w WHERE w.fold_run_id IN (<ids>)"
                        + " ORDER BY w.fold_run_id, w.epoch, w.layer_index, w.param_kind",
                TrainingTraceRepository::spread);
    }

    /** The out-of-fold confusion matrices of the given fold runs that stored one, by fold run id. */
    public Map<Long, ConfusionMatrix> confusions(Collection<Long> foldRunIds) {
        return byFoldRun(
                        foldRunIds,
                        "SELECT c.fold_run_id, c.classes, c.counts FROM fold_confusion c"
                                + " WHERE c.fold_run_id IN (<ids>)",
                        (rs) -> counts.read(rs.getInt("classes"), rs.getString("counts")))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
    }

    /**
     * Trials of the experiment with a weight or bias beyond {@link LayerSpread#WARN_MAGNITUDE} in absolute
     * value, or NaN/infinite, at any reading of any fold.
     */
    public Set<Long> alarmingTrials(long experimentId) {
        return Set.copyOf(
                db.withHandle("find trials with alarming weights in experiment " + experimentId, h -> h.createQuery(
                                "SELECT DISTINCT f.trial_id FROM weight_spread w JOIN fold_run f ON f.id = w.fold_run_id"
                                        + " JOIN trial t ON t.id = f.trial_id WHERE t.experiment_id = :id AND (w.non_finite > 0"
                                        + " OR w.q0 < -:limit OR w.q7 > :limit)")
                        .bind("id", experimentId)
                        .bind("limit", LayerSpread.WARN_MAGNITUDE)
                        .mapTo(Long.class)
                        .list()));
    }

    /** Reads one row of a result set. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Map<Long, List<T>> byFoldRun(Collection<Long> ids, String sql, RowReader<T> reader) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.withHandle("read training trace of " + ids.size() + " fold runs", h -> h.createQuery(sql)
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getLong("fold_run_id"), reader.read(rs)))
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList()))));
    }

    private static StepMetrics step(ResultSet rs) throws SQLException {
        return new StepMetrics(
                rs.getInt("epoch"),
                rs.getInt("batch"),
                rs.getLong("iteration"),
                rs.getLong("images_seen"),
                rs.getDouble("train_loss"),
                rs.getDouble("train_accuracy"),
                rs.getDouble("val_loss"),
                rs.getDouble("val_accuracy"));
    }

    private static LayerSpread spread(ResultSet rs) throws SQLException {
        List<Double> bounds = new ArrayList<>(SevenBands.BOUNDS);
        for (int q = 0; q < SevenBands.BOUNDS; q++) {
            bounds.add(rs.getDouble("q" + q));
        }
        return new LayerSpread(
                rs.getInt("epoch"),
                rs.getInt("layer_index"),
                rs.getString("layer_type"),
                rs.getString("param_kind"),
                rs.getLong("value_count"),
                new SevenBands(bounds, rs.getLong("non_finite")),
                rs.getDouble("update_norm"));
    }
}
