package dev.workbench.store;

/**
 * How far one fold unit got, for planning the epochs left.
 *
 * @param trialAlive   its trial is queued or running (neither done, failed nor pruned)
 * @param settled      the unit is done or failed (a unit paused at a rung is done until the rung closes)
 * @param resumeEpoch  the epoch its checkpoint holds (0 when it starts from scratch)
 * @param storedEpochs epoch rows its fold run has now
 */
public record FoldProgressRow(int trialIndex, boolean trialAlive, boolean settled, int resumeEpoch, int storedEpochs) {}
