package dev.workbench.store;

import java.time.Instant;

/**
 * One unit of work as stored.
 *
 * @param trialIndex  the trial's index; null for the refit
 * @param fold        null for the refit
 * @param state       queued, running, done or failed
 * @param attempt     claims so far
 * @param failures    attempts that threw or whose lease expired
 * @param owner       {@code host:pid/thread} of the last claim; null if never claimed
 * @param heartbeatAt the last claim's last heartbeat
 * @param error       the last failed attempt's error, if any
 */
public record UnitRow(
        long id,
        long experimentId,
        UnitKind kind,
        Integer trialIndex,
        Integer fold,
        String state,
        int attempt,
        int failures,
        int maxAttempts,
        String owner,
        Instant leaseUntil,
        Instant heartbeatAt,
        String error) {

    /** The worker process of the owner: {@code host:pid}. */
    public String worker() {
        if (owner == null) {
            return null;
        }
        int slash = owner.lastIndexOf('/');
        return slash < 0 ? owner : owner.substring(0, slash);
    }

    /** E.g. {@code trial 3 fold 1} or {@code refit}. */
    public String describe() {
        return kind == UnitKind.REFIT ? "refit" : "trial " + trialIndex + " fold " + fold;
    }
}
