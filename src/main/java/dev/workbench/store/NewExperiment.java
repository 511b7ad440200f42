package dev.workbench.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An experiment about to be stored.
 *
 * @param name      user-chosen name; not unique (a rerun with {@code --new} stores another)
 * @param specHash  lower-case hex SHA-256 of {@code specJson}
 * @param specJson  canonical JSON of the spec
 * @param specYaml  the spec file exactly as the user wrote it
 * @param seed      experiment seed, root of every trial and fold seed
 * @param strategy  search strategy name, e.g. {@code grid}
 * @param metric    the metric trials are ranked by, e.g. {@code val_accuracy}
 * @param goal      {@code maximize} or {@code minimize} the metric
 * @param inferenceBatch rows per forward pass when the experiment's networks are scored (fixed per experiment:
 *                  it changes the last bits of the outputs)
 * @param kernels   which code computes the training arithmetic (fixed per experiment for the same reason)
 */
public record NewExperiment(
        String name,
        String specHash,
        String specJson,
        String specYaml,
        long seed,
        String strategy,
        String metric,
        String goal,
        int inferenceBatch,
        int kernels) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public NewExperiment {
        requireText(name, "name", 255);
        Objects.requireNonNull(specHash, "specHash");
        if (!SHA256_HEX.matcher(specHash).matches()) {
            throw new IllegalArgumentException("specHash must be 64 lower-case hex digits, got " + specHash);
        }
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(specYaml, "specYaml");
        requireText(strategy, "strategy", 40);
        requireText(metric, "metric", 40);
        if (!"maximize".equals(goal) && !"minimize".equals(goal)) {
            throw new IllegalArgumentException("goal must be maximize or minimize, got " + goal);
        }
        if (inferenceBatch < 1) {
            throw new IllegalArgumentException("inferenceBatch must be at least 1, got " + inferenceBatch);
        }
        if (kernels < 1) {
            throw new IllegalArgumentException("kernels must be at least 1, got " + kernels);
        }
    }

    static void requireText(String value, String field, int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(
                    field + " must be 1 to " + maxLength + " characters, got '" + value + "'");
        }
    }
}
