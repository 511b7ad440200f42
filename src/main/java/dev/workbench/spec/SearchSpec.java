package dev.workbench.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search space and strategy. Parameters keep their YAML order, which fixes the grid order.
 *
 * @param maxTrials number of random candidates (random strategy only)
 */
public record SearchSpec(Strategy strategy, Integer maxTrials, Map<String, ParamSpec> parameters) {

    public SearchSpec {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** No search at all: one candidate with the template as written. */
    public static SearchSpec single() {
        return new SearchSpec(Strategy.GRID, null, Map.of());
    }

    /** Candidate generation strategies. */
    public enum Strategy { GRID, RANDOM }
}
