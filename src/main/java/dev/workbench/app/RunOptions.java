package dev.workbench.app;

/**
 * How to run an experiment.
 *
 * @param parallel   how many (trial, fold) units train at once, each on its own thread
 * @param forceNew   store the spec as a new experiment even if one of that name exists
 * @param leaseSeconds how long a claim lasts without a heartbeat before another worker may take it over
 */
public record RunOptions(int parallel, boolean forceNew, int leaseSeconds) {

    public RunOptions {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
        if (leaseSeconds < 1) {
            throw new IllegalArgumentException("leaseSeconds must be at least 1");
        }
    }

    /** With the default lease. */
    public RunOptions(int parallel, boolean forceNew) {
        this(parallel, forceNew, WorkerOptions.DEFAULT_LEASE_SECONDS);
    }
}
