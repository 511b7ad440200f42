package dev.workbench.store;

/**
 * A batch of TPE candidates, stored with its trials.
 *
 * @param index      from 0 (the random startup trials)
 * @param firstTrial the index of its first trial; its trials are the next {@code trials} indices
 * @param trials     how many
 * @param proposer   what proposed them: {@code random} or {@code tpe}
 */
public record NewBatch(int index, int firstTrial, int trials, String proposer) {
    public NewBatch {
        if (index < 0 || firstTrial < 0 || trials < 0 || proposer == null || proposer.isBlank()) {
            throw new IllegalArgumentException("bad batch " + index);
        }
    }
}
