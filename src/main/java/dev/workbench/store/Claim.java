package dev.workbench.store;

import java.util.Objects;

/**
 * A unit claimed by one worker thread: the fencing token (unit, owner, attempt) that every write of
 * the unit carries, and what to train.
 *
 * @param unitId       the work unit
 * @param experimentId its experiment
 * @param kind         fold or refit
 * @param trialId      the trial of a fold unit; null for the refit
 * @param fold         the fold of a fold unit; null for the refit
 * @param seed         the fold seed; null for the refit
 * @param owner        {@code host:pid/thread} of the claimer
 * @param attempt      the claim number of this unit (1 on the first claim)
 * @param foldRunId    this attempt's fold run; null for the refit
 * @param stopEpoch    the epoch (a rung of successive halving) to pause after; null: train to the end
 * @param resumeEpoch  epochs trained before this segment (0: from the seed; else from the unit's checkpoint)
 */
public record Claim(
        long unitId,
        long experimentId,
        UnitKind kind,
        Long trialId,
        Integer fold,
        Long seed,
        String owner,
        int attempt,
        Long foldRunId,
        Integer stopEpoch,
        int resumeEpoch) {

    public Claim {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
    }

    /** E.g. {@code trial 3 fold 1} or {@code refit}. */
    public String describe(int trialIndex) {
        return kind == UnitKind.REFIT ? "refit" : "trial " + trialIndex + " fold " + fold;
    }
}
