package dev.workbench.store;

import java.time.Instant;

/**
 * One line of the experiment list.
 *
 * @param bestScore best finite mean score among done trials (highest or lowest by {@code goal});
 *                  null when no done trial has a finite score
 */
public record ExperimentSummary(
        long id,
        String name,
        String strategy,
        String metric,
        String goal,
        RunStatus status,
        Instant createdAt,
        Instant finishedAt,
        int trialsTotal,
        int trialsDone,
        int trialsFailed,
        Double bestScore) {}
