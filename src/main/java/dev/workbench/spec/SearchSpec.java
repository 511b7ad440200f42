package dev.workbench.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search space and strategy. Parameters keep their YAML order, which fixes the grid order.
 *
 * @param maxTrials     number of candidates (random and tpe strategies)
 * @param maxCandidates the most candidates the search may have (default {@value #DEFAULT_MAX_CANDIDATES},
 *                      at most {@value #MAX_CANDIDATES_CEILING}); counted before any is generated
 * @param tpe           TPE settings (tpe strategy only; null: defaults)
 * @param pruning       successive halving across folds (grid and random only; null: none)
 */
public record SearchSpec(
        Strategy strategy,
        Integer maxTrials,
        Map<String, ParamSpec> parameters,
        Integer maxCandidates,
        TpeSpec tpe,
        PruningSpec pruning) {

    /** The candidate limit when the spec sets none. */
    public static final int DEFAULT_MAX_CANDIDATES = 100_000;
    /** The highest {@code max_candidates} a spec may set. */
    public static final int MAX_CANDIDATES_CEILING = 1_000_000;

    public SearchSpec {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A search without TPE settings or pruning. */
    public SearchSpec(Strategy strategy, Integer maxTrials, Map<String, ParamSpec> parameters, Integer maxCandidates) {
        this(strategy, maxTrials, parameters, maxCandidates, null, null);
    }

    /** A search with the default candidate limit. */
    public SearchSpec(Strategy strategy, Integer maxTrials, Map<String, ParamSpec> parameters) {
        this(strategy, maxTrials, parameters, null);
    }

    /** The candidate limit in force. */
    @JsonIgnore
    public int candidateLimit() {
        return maxCandidates == null ? DEFAULT_MAX_CANDIDATES : maxCandidates;
    }

    /** No search at all: one candidate with the template as written. */
    public static SearchSpec single() {
        return new SearchSpec(Strategy.GRID, null, Map.of());
    }

    /** The TPE settings in force (defaults where the spec sets none). */
    @JsonIgnore
    public TpeSpec tpeOrDefaults() {
        return tpe == null ? TpeSpec.defaults() : tpe;
    }

    /** Candidate generation strategies. */
    public enum Strategy {
        GRID,
        RANDOM,
        TPE
    }
}
