package dev.workbench.store;

/**
 * A paused fold unit's state as the database holds it (see V5__adaptive_search.sql).
 *
 * @param epoch   epochs trained before the pause
 * @param model   a DL4J ModelSerializer zip with the updater state; not copied, do not modify
 * @param rngRoot the training thread's ND4J random generator state after the epoch (root word)
 * @param rngNode and its node word
 */
@SuppressWarnings("ArrayRecordComponent") // bytes straight to and from a BYTEA column
public record SavedCheckpoint(int epoch, byte[] model, long rngRoot, long rngNode) {
    public SavedCheckpoint {
        if (epoch < 1 || model == null) {
            throw new IllegalArgumentException("a checkpoint needs an epoch >= 1 and a model");
        }
    }
}
