package dev.workbench.store;

import dev.workbench.metrics.ScoreSummary;
import java.time.Instant;
import java.util.Map;

/**
 * A stored trial.
 *
 * @param params     parameter name to value in the order they were inserted
 * @param error      failure message; null unless failed
 * @param score      cross-validated score; null until the trial is done (its mean may be NaN
 *                   when every fold diverged)
 * @param startedAt  null while queued
 * @param finishedAt null until done or failed
 * @param provenanceJson {@code TrialProvenance} as JSON; null until the trial is done, and for trials
 *                   stored by versions before it was recorded
 */
public record TrialRow(
        long id,
        long experimentId,
        int index,
        Map<String, Double> params,
        long seed,
        RunStatus status,
        String error,
        ScoreSummary score,
        Instant startedAt,
        Instant finishedAt,
        String provenanceJson) {

    public TrialRow {
        params = NewTrial.orderedCopy(params);
    }
}
