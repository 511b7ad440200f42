package dev.workbench.metrics;

/**
 * Where a re-run first differs from the stored run.
 *
 * @param fold       the fold
 * @param epoch      the epoch (from 1); for a different number of epochs, the first epoch only one run has
 * @param metric     {@code train_loss}, {@code train_accuracy}, {@code val_loss}, {@code val_accuracy},
 *                   {@code learning_rate}, or {@code epochs} when the runs ran different numbers of epochs
 * @param stored     the stored value (the stored epoch count for {@code epochs})
 * @param reproduced the value of the re-run
 */
public record EpochDifference(int fold, int epoch, String metric, double stored, double reproduced) {

    /** {@code |stored − reproduced|}. */
    public double absoluteDifference() {
        return Math.abs(stored - reproduced);
    }

    /** One line for people. */
    public String describe() {
        if ("epochs".equals(metric)) {
            return String.format(
                    "fold %d: stored run has %d epochs, re-run %d", fold, (long) stored, (long) reproduced);
        }
        return String.format(
                "fold %d epoch %d %s: stored %s, re-run %s, absolute difference %s",
                fold, epoch, metric, stored, reproduced, absoluteDifference());
    }
}
