package dev.workbench.store;

import java.time.Instant;

/**
 * One recorded {@code workbench reproduce} of a trial.
 *
 * @param fold           the fold re-run, or null when all folds were
 * @param outcome        {@code identical} or {@code different}
 * @param detail         the first difference (fold, epoch, metric, both values), or what was compared
 * @param parallel       units trained at once in the re-run
 * @param provenanceJson the re-run's {@code RunProvenance} as JSON
 */
public record ReproductionRow(
        long id,
        long trialId,
        int trialIndex,
        Integer fold,
        String outcome,
        String detail,
        int parallel,
        String provenanceJson,
        Instant verifiedAt) {

    /** True when every compared metric was bit-identical. */
    public boolean identical() {
        return "identical".equals(outcome);
    }
}
