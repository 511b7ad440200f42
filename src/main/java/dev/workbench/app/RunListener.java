package dev.workbench.app;

import dev.workbench.metrics.EpochMetrics;

/** Observes a run as it goes, for progress display. Calls may come from several worker threads. */
public interface RunListener {

    /** The numeric backend the run uses, in words. */
    default void backend(String description) {}

    /** MNIST download progress. */
    default void downloading(long bytes, long total) {}

    /**
     * Work is about to start: {@code epochs} is what the run will train, as far as is known (see {@link #planned}).
     */
    default void started(String experiment, boolean resumed, int pendingUnits, int doneUnits, long epochs) {}

    /** One epoch of one unit finished; {@code fold} is -1 for the refit on all training data. */
    default void epoch(int trial, int fold, EpochMetrics metrics) {}

    /**
     * The run now plans {@code epochs} epochs in all, of which {@code done} are trained (by this process or any other
     * serving the experiment): the plan changes when a rung prunes trials, a fold stops early or fails, or the
     * refit's epochs become known.
     */
    default void planned(long done, long epochs) {}

    /** Something the user should know before the results are trusted, e.g. a changed dataset file. */
    default void warning(String message) {}

    /** A worker's progress line for one unit: claimed work done, retried, failed, abandoned or released. */
    default void unit(String line) {}

    /** A trial failed; the search goes on. */
    default void trialFailed(int trial, String error) {}
}
