package dev.workbench.store;

import java.util.Objects;

/**
 * The state of the final refit of the best trial on all training data, as the caller reports it.
 *
 * @param trialIndex   index of the trial whose parameters are refitted
 * @param seed         refit seed
 * @param status       running, done or failed
 * @param error        failure message; null unless failed
 * @param epochs       epochs trained so far
 * @param testLoss     null until evaluated on the test set (may be NaN)
 * @param testAccuracy null until evaluated on the test set
 * @param seconds      training time so far
 */
public record Refit(
        int trialIndex,
        long seed,
        RunStatus status,
        String error,
        int epochs,
        Double testLoss,
        Double testAccuracy,
        double seconds) {

    public Refit {
        if (trialIndex < 0 || epochs < 0) {
            throw new IllegalArgumentException("trialIndex and epochs must be >= 0");
        }
        if (Objects.requireNonNull(status, "status") == RunStatus.QUEUED) {
            throw new IllegalArgumentException("a refit is running, done or failed, not queued");
        }
    }
}
