package dev.workbench.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Provenance of one dataset file as it was read: its role (for example {@code train-images}),
 * path, SHA-256 (lowercase hex) and length in bytes.
 */
public record DataFile(String role, Path path, String sha256, long bytes) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public DataFile {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(path, "path");
        if (sha256 == null || !HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits, got " + sha256);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
    }
}
