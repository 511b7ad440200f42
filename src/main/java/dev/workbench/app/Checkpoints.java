package dev.workbench.app;

import dev.workbench.store.Claim;
import dev.workbench.store.SavedCheckpoint;
import dev.workbench.store.WorkQueue;
import dev.workbench.train.Checkpoint;
import dev.workbench.train.Segment;

/** Between a claim's segment of training and the checkpoint rows of the work queue. */
final class Checkpoints {

    private Checkpoints() {}

    /** What the claim trains: from its stored checkpoint (if it resumes) to its rung (or the end). */
    static Segment segment(WorkQueue queue, Claim claim) {
        if (claim.resumeEpoch() == 0) {
            return new Segment(claim.stopEpoch(), null);
        }
        SavedCheckpoint saved = queue.checkpoint(claim);
        return new Segment(
                claim.stopEpoch(), new Checkpoint(saved.epoch(), saved.model(), saved.rngRoot(), saved.rngNode()));
    }

    static SavedCheckpoint saved(Checkpoint c) {
        return new SavedCheckpoint(c.epoch(), c.model(), c.rngRoot(), c.rngNode());
    }
}
