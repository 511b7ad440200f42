package dev.workbench.store;

/**
 * What adaptive search recorded of one trial.
 *
 * @param trialId       the trial
 * @param trialIndex    its index
 * @param prunedAtEpoch the rung where halving pruned it; null unless pruned
 * @param rungEpoch     the last rung it was ranked at; null when never ranked
 * @param rungScore     its fold-mean objective there; null when never ranked
 * @param batchIndex    the TPE batch that proposed it; null outside TPE
 * @param proposer      what proposed that batch ({@code random} or {@code tpe}); null outside TPE
 */
public record TrialSearchRow(
        long trialId,
        int trialIndex,
        Integer prunedAtEpoch,
        Integer rungEpoch,
        Double rungScore,
        Integer batchIndex,
        String proposer) {}
