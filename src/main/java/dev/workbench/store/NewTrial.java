package dev.workbench.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trial about to be stored: one candidate of the search.
 *
 * @param index  0-based position in the candidate list, unique within the experiment
 * @param params parameter name to value, kept in the given iteration order; values must be finite
 * @param seed   trial seed, root of its fold seeds
 */
public record NewTrial(int index, Map<String, Double> params, long seed) {

    public NewTrial {
        if (index < 0) {
            throw new IllegalArgumentException("trial index must be >= 0, got " + index);
        }
        params = orderedCopy(params);
        params.forEach((name, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("parameter " + name + " must be finite, got " + value);
            }
        });
    }

    /** An unmodifiable copy that keeps the iteration order, rejecting null names and values. */
    static Map<String, Double> orderedCopy(Map<String, Double> params) {
        Objects.requireNonNull(params, "params");
        Map<String, Double> copy = new LinkedHashMap<>();
        params.forEach((name, value) -> copy.put(
                Objects.requireNonNull(name, "parameter name"),
                Objects.requireNonNull(value, () -> "value of parameter " + name)));
        return Collections.unmodifiableMap(copy);
    }
}
