package dev.workbench.app;

/**
 * How a worker serves the work queue.
 *
 * @param threads        units trained at once, one thread each
 * @param experimentName serve only experiments of this name; null for every experiment with work
 * @param untilIdle      exit once every unit of the served experiments is done or failed, instead of
 *                       waiting for new work
 * @param leaseSeconds   how long a claim lasts without a heartbeat before another worker may take it over
 */
public record WorkerOptions(int threads, String experimentName, boolean untilIdle, int leaseSeconds) {

    /** The lease when none is given: a worker that stops renewing it is replaced a minute later. */
    public static final int DEFAULT_LEASE_SECONDS = 60;

    public WorkerOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (leaseSeconds < 1) {
            throw new IllegalArgumentException("leaseSeconds must be at least 1");
        }
    }
}
