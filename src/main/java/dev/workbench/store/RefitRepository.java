package dev.workbench.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

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
        db.useTransaction("save refit of experiment " + experimentId, h -> save(h, experimentId, r));
    }

    /** {@link #save} on an open transaction: an update, or an insert when the experiment has no refit yet. */
    static void save(Handle h, long experimentId, Refit r) {
        String values = " trial_index = :trialIndex, seed = :seed, status = :statusValue, error = :error,"
                + " epochs = :epochs, test_loss = :testLoss, test_accuracy = :testAccuracy, seconds = :seconds,"
                + " finished_at = CASE WHEN :finished THEN CURRENT_TIMESTAMP END";
        int updated = bind(
                        h.createUpdate("UPDATE refit SET" + values + " WHERE experiment_id = :experimentId"),
                        experimentId,
                        r)
                .execute();
        if (updated == 0) {
            bind(
                            h.createUpdate(
                                    "INSERT INTO refit (experiment_id, trial_index, seed, status, error, epochs, test_loss,"
                                            + " test_accuracy, seconds, finished_at) VALUES (:experimentId, :trialIndex, :seed, :statusValue,"
                                            + " :error, :epochs, :testLoss, :testAccuracy, :seconds,"
                                            + " CASE WHEN :finished THEN CURRENT_TIMESTAMP END)"),
                            experimentId,
                            r)
                    .execute();
        }
    }

    private static Update bind(Update update, long experimentId, Refit r) {
        return update.bind("experimentId", experimentId)
                .bindMethods(r)
                .bind("statusValue", r.status().value())
                .bind("finished", r.status().finished());
    }

    /**
     * Stores the refitted network (a DL4J model zip) with the experiment's refit, which must exist.
     */
    public void saveModel(long experimentId, byte[] modelZip) {
        db.updateById(
                "store refit model of experiment " + experimentId,
                "refit",
                experimentId,
                "UPDATE refit SET model_zip = :zip WHERE experiment_id = :id",
                u -> u.bind("zip", modelZip));
    }

    /** The refitted network's model zip, if one was stored. */
    public Optional<byte[]> model(long experimentId) {
        return db.withHandle("read refit model of experiment " + experimentId, h -> h.createQuery(
                        "SELECT model_zip FROM refit WHERE experiment_id = :id AND model_zip IS NOT NULL")
                .bind("id", experimentId)
                .mapTo(byte[].class)
                .findOne());
    }

    public Optional<RefitRow> find(long experimentId) {
        return db.withHandle("read refit of experiment " + experimentId, h -> h.createQuery(
                        "SELECT " + Rows.REFIT_COLUMNS + " FROM refit r WHERE r.experiment_id = :id")
                .bind("id", experimentId)
                .map((rs, ctx) -> rows.refit(rs))
                .findOne());
    }
}
