package dev.workbench.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored refit.
 *
 * @param finishedAt stamped by the store when a refit is saved done or failed; null while running
 */
public record RefitRow(long experimentId, Refit refit, Instant finishedAt) {

    public RefitRow {
        Objects.requireNonNull(refit, "refit");
    }
}
