package dev.workbench.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The one path every write of a claimed unit takes: a transaction that first locks the unit's row on
 * the condition that it is still running under this owner and attempt, so a worker whose claim was
 * taken over writes nothing, and the writes of the current attempt cannot interleave with a re-claim.
 */
final class Fence {

    private static final String HELD = "SELECT id FROM work_unit WHERE id = :id AND owner = :owner"
            + " AND attempt = :attempt AND state = 'running' FOR UPDATE";

    private final Database db;

    Fence(Database db) {
        this.db = db;
    }

    /**
     * Runs {@code writes} in one transaction while {@code claim} holds its unit.
     *
     * @throws LostClaimException when it no longer does; nothing is written
     */
    <R> R write(Claim claim, String action, HandleCallback<R, RuntimeException> writes) {
        return db.inTransaction(action, h -> {
            requireHeld(h, claim);
            return writes.withHandle(h);
        });
    }

    static void requireHeld(Handle h, Claim claim) {
        boolean held = h.createQuery(HELD)
                .bind("id", claim.unitId())
                .bind("owner", claim.owner())
                .bind("attempt", claim.attempt())
                .mapTo(Long.class)
                .findOne()
                .isPresent();
        if (!held) {
            throw new LostClaimException(claim);
        }
    }

    /**
     * Marks the experiment done (failed when no trial is done) if none of its units is queued or running.
     * Only then is the experiment row locked (and the units counted again), so finishes do not queue up on
     * one lock; two last units finishing at once may each still see the other open, which
     * {@link WorkQueue#completeIdleExperiments} repairs.
     */
    static boolean completeExperimentIfIdle(Handle h, long experimentId) {
        if (openUnits(h, experimentId) > 0) {
            return false;
        }
        String status = h.createQuery("SELECT status FROM experiment WHERE id = :id FOR UPDATE")
                .bind("id", experimentId)
                .mapTo(String.class)
                .one();
        if (!"running".equals(status) || openUnits(h, experimentId) > 0) {
            return false;
        }
        long done = h.createQuery("SELECT COUNT(*) FROM trial WHERE experiment_id = :id AND status = 'done'")
                .bind("id", experimentId)
                .mapTo(Long.class)
                .one();
        h.createUpdate("UPDATE experiment SET status = :status, finished_at = CURRENT_TIMESTAMP WHERE id = :id")
                .bind("status", done > 0 ? "done" : "failed")
                .bind("id", experimentId)
                .execute();
        return true;
    }

    private static long openUnits(Handle h, long experimentId) {
        return h.createQuery(
                        "SELECT COUNT(*) FROM work_unit WHERE experiment_id = :id AND state IN ('queued', 'running')")
                .bind("id", experimentId)
                .mapTo(Long.class)
                .one();
    }

    /** Fails the trial (unless already failed) and every queued unit of it, which will then not run; drops its checkpoints. */
    static void failTrial(Handle h, long trialId, String error) {
        h.createUpdate("DELETE FROM unit_checkpoint WHERE unit_id IN (SELECT id FROM work_unit WHERE trial_id = :id)")
                .bind("id", trialId)
                .execute();
        h.createUpdate("UPDATE trial SET status = 'failed', error = :error, finished_at = CURRENT_TIMESTAMP"
                        + " WHERE id = :id AND status <> 'failed'")
                .bind("id", trialId)
                .bind("error", error)
                .execute();
        h.createUpdate("UPDATE work_unit SET state = 'failed', error = :error, finished_at = CURRENT_TIMESTAMP"
                        + " WHERE trial_id = :id AND state = 'queued'")
                .bind("id", trialId)
                .bind("error", "not run: " + error)
                .execute();
    }
}
