package dev.workbench.store;

/**
 * A (trial, fold) unit about to be queued.
 *
 * @param trialIndex the trial's index in its experiment
 * @param fold       the cross-validation fold, from 0
 * @param seed       the fold seed the unit always trains from, on every attempt
 */
public record NewUnit(int trialIndex, int fold, long seed) {

    public NewUnit {
        if (trialIndex < 0 || fold < 0) {
            throw new IllegalArgumentException("trial index and fold must not be negative");
        }
    }
}
