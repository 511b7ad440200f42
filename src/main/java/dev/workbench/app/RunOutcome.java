package dev.workbench.app;

/**
 * How a run ended.
 *
 * @param alreadyDone the experiment had finished before; nothing was trained
 * @param resumed     an unfinished experiment was continued
 */
public record RunOutcome(ExperimentReport report, boolean alreadyDone, boolean resumed) {}
