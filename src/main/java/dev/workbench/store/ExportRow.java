package dev.workbench.store;

import java.time.Instant;

/**
 * One exported model.
 *
 * @param fold         the fold model exported, or null for the refit on all training data
 * @param directory    absolute path of the folder holding {@code model.zip} and {@code manifest.json}
 * @param zipSha256    SHA-256 of {@code model.zip}
 * @param testAccuracy the exported model's accuracy on the test set; null if not measured
 */
public record ExportRow(
        long id,
        long experimentId,
        int trialIndex,
        Integer fold,
        String directory,
        String zipSha256,
        Double testAccuracy,
        Instant exportedAt) {}
