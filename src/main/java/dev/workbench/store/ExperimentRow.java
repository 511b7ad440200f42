package dev.workbench.store;

import java.time.Instant;

/**
 * A stored experiment.
 *
 * @param finishedAt     null while running
 * @param provenanceJson null until provenance is recorded
 * @param inferenceBatch rows per forward pass when its networks are scored (1,024 for experiments stored before
 *                       the column existed)
 * @param kernels        which code computes its training arithmetic ({@code TrainRequest.kernels}; 1 for
 *                       experiments stored before the column existed)
 */
public record ExperimentRow(
        long id,
        String name,
        String specHash,
        String specJson,
        String specYaml,
        long seed,
        String strategy,
        String metric,
        String goal,
        RunStatus status,
        Instant createdAt,
        Instant finishedAt,
        String provenanceJson,
        int inferenceBatch,
        int kernels) {

    /** True when trials are ranked highest score first. */
    public boolean maximize() {
        return "maximize".equals(goal);
    }
}
