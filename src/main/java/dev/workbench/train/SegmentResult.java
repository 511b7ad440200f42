package dev.workbench.train;

/**
 * What one segment of a unit produced.
 *
 * @param result     the epochs this segment ran (not those before its checkpoint)
 * @param checkpoint the state to continue from; null when the unit reached its last epoch or stopped early
 */
public record SegmentResult(FoldResult result, Checkpoint checkpoint) {}
