package dev.workbench.store;

/**
 * A rung barrier of a halving experiment as stored.
 *
 * @param ranked trials ranked when it closed; null while open
 * @param kept   of which continued; null while open
 */
public record RungRow(
        int index, int epoch, Integer nextEpoch, int reductionFactor, String state, Integer ranked, Integer kept) {}
