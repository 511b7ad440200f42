package dev.workbench.app;

import java.util.List;

/**
 * What a worker did before it stopped.
 *
 * @param done      units it trained to completion
 * @param retried   units whose attempt threw and were queued again
 * @param failed    units that failed for good
 * @param abandoned units it gave up because its claim was taken over
 * @param rejected  why it served no unit of some experiments (e.g. a data file's SHA-256 differs)
 */
public record WorkerReport(int done, int retried, int failed, int abandoned, List<String> rejected) {

    public WorkerReport {
        rejected = List.copyOf(rejected);
    }
}
