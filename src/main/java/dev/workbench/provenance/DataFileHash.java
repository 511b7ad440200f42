package dev.workbench.provenance;

import java.util.Objects;

/**
 * One dataset file as a run read it.
 *
 * @param role for example {@code train-images}
 */
public record DataFileHash(String role, String sha256, long bytes) {

    public DataFileHash {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sha256, "sha256");
    }
}
