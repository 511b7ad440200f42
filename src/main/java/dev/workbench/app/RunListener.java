package dev.workbench.app;

import dev.workbench.metrics.EpochMetrics;

/** Observes a run as it goes, for progress display. Calls may come from several worker threads. */
public interface RunListener {

    /** The numeric backend the run uses, in words. */
    default void backend(String description) {}

    /** MNIST download progress. */
    default void downloading(long bytes, long total) {}

    /** Work is about to start: {@code epochs} is the most epochs the pending work can take. */
    default void started(String experiment, boolean resumed, int pendingUnits, int doneUnits, long epochs) {}

    /** One epoch of one unit finished; {@code fold} is -1 for the refit on all training data. */
    default void epoch(int trial, int fold, EpochMetrics metrics) {}

    /** A unit ended before its maximum epochs (early stopping or failure): {@code skipped} epochs will not run. */
    default void skipped(long epochs) {}

    /** Something the user should know before the results are trusted, e.g. a changed dataset file. */
    default void warning(String message) {}

    /** A worker's progress line for one unit: claimed work done, retried, failed, abandoned or released. */
    default void unit(String line) {}

    /** A trial failed; the search goes on. */
    default void trialFailed(int trial, String error) {}
}
