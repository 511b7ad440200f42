package dev.workbench.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of the search space: the 0-based position in the candidate list and a value for every
 * search parameter, in the order the spec declares them.
 */
public record Candidate(int index, Map<String, Double> params) {

    public Candidate {
        if (index < 0) {
            throw new IllegalArgumentException("candidate index must not be negative");
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
