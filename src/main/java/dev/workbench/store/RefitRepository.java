package dev.workbench.store;

import java.util.Optional;

/** The one refit per experiment: saved (inserted or replaced) as it progresses. Thread-safe. */
public final class RefitRepository {

    private final Database db;
    private final Rows rows;

    RefitRepository(Database db, Rows rows) {
        this.db = db;
        this.rows = rows;
    }

    /**
     * Inserts or replaces the experiment's refit. finished_at is stamped now when the status is done
     * or failed, and cleared while running.
     */
    public void save(long experimentId, Refit r) {
        db.withHandle("save refit of experiment " + experimentId, h -> h.createUpdate(
                        "MERGE INTO refit (experiment_id, trial_index, seed, status, error, epochs, test_loss,"
                                + " test_accuracy, seconds, finished_at) KEY (experiment_id) VALUES (:experimentId,"
                                + " :trialIndex, :seed, :statusValue, :error, :epochs, :testLoss, :testAccuracy,"
                                + " :seconds, CASE WHEN :finished THEN CURRENT_TIMESTAMP END)")
                .bind("experimentId", experimentId)
                .bindMethods(r)
                .bind("statusValue", r.status().value())
                .bind("finished", r.status().finished())
                .execute());
    }

    public Optional<RefitRow> find(long experimentId) {
        return db.withHandle("read refit of experiment " + experimentId, h -> h.createQuery(
                        "SELECT " + Rows.REFIT_COLUMNS + " FROM refit r WHERE r.experiment_id = :id")
                .bind("id", experimentId)
                .map((rs, ctx) -> rows.refit(rs))
                .findOne());
    }
}
