package dev.workbench.store;

/**
 * A rung barrier of a halving experiment, stored with it.
 *
 * @param index           from 0
 * @param epoch           every surviving trial trains all its folds to this epoch, then the trials are ranked
 * @param nextEpoch       where the survivors pause next; null: they train to the end
 * @param reductionFactor the best {@code 1/reductionFactor} of the ranked trials (at least one) continue
 */
public record NewRung(int index, int epoch, Integer nextEpoch, int reductionFactor) {
    public NewRung {
        if (index < 0 || epoch < 1 || reductionFactor < 2 || (nextEpoch != null && nextEpoch <= epoch)) {
            throw new IllegalArgumentException("bad rung " + index + " at epoch " + epoch + " (next " + nextEpoch
                    + ", factor " + reductionFactor + ")");
        }
    }
}
