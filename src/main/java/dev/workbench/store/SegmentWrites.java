package dev.workbench.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The rows of a fold unit trained in segments (successive halving): its checkpoint, and what a claim of a
 * resumed unit keeps of the fold run (everything up to the checkpoint's epoch; an earlier attempt's rows
 * beyond it go, as a fresh unit's whole fold run does).
 */
final class SegmentWrites {

    private SegmentWrites() {}

    static void saveCheckpoint(Handle h, long unitId, SavedCheckpoint c) {
        h.createUpdate("DELETE FROM unit_checkpoint WHERE unit_id = :id")
                .bind("id", unitId)
                .execute();
        h.createUpdate("INSERT INTO unit_checkpoint (unit_id, epoch, model, rng_root, rng_node)"
                        + " VALUES (:id, :epoch, :model, :root, :node)")
                .bind("id", unitId)
                .bind("epoch", c.epoch())
                .bind("model", c.model())
                .bind("root", c.rngRoot())
                .bind("node", c.rngNode())
                .execute();
    }

    static Optional<SavedCheckpoint> checkpoint(Handle h, long unitId) {
        return h.createQuery("SELECT epoch, model, rng_root, rng_node FROM unit_checkpoint WHERE unit_id = :id")
                .bind("id", unitId)
                .map((rs, ctx) -> new SavedCheckpoint(rs.getInt(1), rs.getBytes(2), rs.getLong(3), rs.getLong(4)))
                .findOne();
    }

    static void dropCheckpoint(Handle h, long unitId) {
        h.createUpdate("DELETE FROM unit_checkpoint WHERE unit_id = :id")
                .bind("id", unitId)
                .execute();
    }

    /**
     * The fold run a resumed unit's new attempt continues, trimmed to its first {@code resumeEpoch} epochs;
     * empty when there is none (then a fresh one is started).
     */
    static Optional<Long> continueFoldRun(
            Handle h, long trialId, int fold, int resumeEpoch, int attempt, WorkerIdentity who) {
        Optional<Long> run = h.createQuery("SELECT id FROM fold_run WHERE trial_id = :trial AND fold = :fold")
                .bind("trial", trialId)
                .bind("fold", fold)
                .mapTo(Long.class)
                .findOne();
        run.ifPresent(id -> {
            for (String table : new String[] {"epoch_metric", "step_metric", "weight_spread"}) {
                h.createUpdate("DELETE FROM " + table + " WHERE fold_run_id = :id AND epoch > :epoch")
                        .bind("id", id)
                        .bind("epoch", resumeEpoch)
                        .execute();
            }
            h.createUpdate("DELETE FROM fold_confusion WHERE fold_run_id = :id")
                    .bind("id", id)
                    .execute();
            h.createUpdate(
                            "UPDATE fold_run SET status = 'running', error = NULL, finished_at = NULL, attempt = :attempt,"
                                    + " worker = :worker, backend = :backend, native_build = :nativeBuild WHERE id = :id")
                    .bind("attempt", attempt)
                    .bind("worker", who.worker())
                    .bind("backend", who.backend())
                    .bind("nativeBuild", who.nativeBuild())
                    .bind("id", id)
                    .execute();
        });
        return run;
    }
}
