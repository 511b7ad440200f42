package dev.workbench.store;

import dev.workbench.metrics.ScoreSummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Trials of an experiment: bulk insert, reads in index order, and state changes. Thread-safe. */
public final class TrialRepository {

    private static final String SELECT = "SELECT " + Rows.TRIAL_COLUMNS + " FROM trial t ";
    private static final String RANKED = SELECT + "JOIN experiment e ON e.id = t.experiment_id "
            + "WHERE t.experiment_id = :experimentId AND t.status = 'done' "
            + "AND t.score_mean > CAST('-Infinity' AS DOUBLE PRECISION) "
            + "AND t.score_mean < CAST('Infinity' AS DOUBLE PRECISION) "
            + "ORDER BY CASE WHEN e.goal = 'maximize' THEN -t.score_mean ELSE t.score_mean END, t.trial_index "
            + "LIMIT :limit";

    private final Database db;
    private final Rows rows;

    TrialRepository(Database db, Rows rows) {
        this.db = db;
        this.rows = rows;
    }

    /** Stores all trials as queued, in one transaction: either all are stored or none. */
    public void insertAll(long experimentId, List<NewTrial> trials) {
        db.useTransaction("store " + trials.size() + " trials of experiment " + experimentId, h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO trial (experiment_id, trial_index, params_json, seed,"
                    + " status) VALUES (:experimentId, :index, :params, :seed, 'queued')");
            for (NewTrial trial : trials) {
                batch.bind("experimentId", experimentId)
                        .bind("index", trial.index())
                        .bind("params", rows.paramsJson(trial.params()))
                        .bind("seed", trial.seed())
                        .add();
            }
            if (!trials.isEmpty()) {
                batch.execute();
            }
        });
    }

    /** The experiment's trials ordered by index. */
    public List<TrialRow> byExperiment(long experimentId) {
        return db.withHandle("read trials of experiment " + experimentId, h -> h.createQuery(
                        SELECT + "WHERE t.experiment_id = :experimentId ORDER BY t.trial_index")
                .bind("experimentId", experimentId)
                .map((rs, ctx) -> rows.trial(rs))
                .list());
    }

    public Optional<TrialRow> byId(long trialId) {
        return db.withHandle("read trial " + trialId, h -> h.createQuery(SELECT + "WHERE t.id = :id")
                .bind("id", trialId)
                .map((rs, ctx) -> rows.trial(rs))
                .findOne());
    }

    /**
     * Done trials with a finite mean score, best first by the experiment's goal (ties: lower index
     * first), at most {@code limit}. The first is the trial to refit.
     */
    public List<TrialRow> ranked(long experimentId, int limit) {
        return db.withHandle("rank trials of experiment " + experimentId, h -> h.createQuery(RANKED)
                .bind("experimentId", experimentId)
                .bind("limit", limit)
                .map((rs, ctx) -> rows.trial(rs))
                .list());
    }

    /**
     * Marks the trial running and clears any earlier error and finish time. started_at is stamped now,
     * unless the trial is already running (several folds of one trial may start concurrently).
     */
    public void markRunning(long trialId) {
        db.updateById("start trial " + trialId, "trial", trialId, "UPDATE trial SET"
                + " started_at = CASE WHEN status = 'running' THEN started_at ELSE CURRENT_TIMESTAMP END,"
                + " status = 'running', finished_at = NULL, error = NULL WHERE id = :id", u -> u);
    }

    /** Marks the trial done with its cross-validated score (which may hold NaN) and stamps finished_at. */
    public void markDone(long trialId, ScoreSummary s) {
        Objects.requireNonNull(s, "score");
        db.updateById("finish trial " + trialId, "trial", trialId, "UPDATE trial SET status = 'done', error = NULL,"
                        + " score_mean = :mean, score_std = :std, ci95_low = :low, ci95_high = :high, score_n = :n,"
                        + " finished_at = CURRENT_TIMESTAMP WHERE id = :id",
                u -> u.bind("mean", s.mean()).bind("std", s.std()).bind("low", s.ci95Low())
                        .bind("high", s.ci95High()).bind("n", s.n()));
    }

    /** Stores the trial's provenance JSON, replacing any earlier one. */
    public void setProvenance(long trialId, String json) {
        db.updateById("store provenance of trial " + trialId, "trial", trialId,
                "UPDATE trial SET provenance_json = :json WHERE id = :id", u -> u.bind("json", json));
    }

    /** The trial of an experiment with that index, if any. */
    public Optional<TrialRow> byIndex(long experimentId, int index) {
        return db.withHandle("read trial " + index + " of experiment " + experimentId, h -> h.createQuery(
                        SELECT + "WHERE t.experiment_id = :experimentId AND t.trial_index = :index")
                .bind("experimentId", experimentId)
                .bind("index", index)
                .map((rs, ctx) -> rows.trial(rs))
                .findOne());
    }

    /** Marks the trial failed with an error message and stamps finished_at. */
    public void markFailed(long trialId, String error) {
        db.updateById("record failure of trial " + trialId, "trial", trialId, "UPDATE trial SET status = 'failed',"
                + " error = :error, finished_at = CURRENT_TIMESTAMP WHERE id = :id", u -> u.bind("error", error));
    }

}
