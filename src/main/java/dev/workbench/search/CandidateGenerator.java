package dev.workbench.search;

import dev.workbench.spec.ParamSpec;
import dev.workbench.spec.SearchSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.generator.BaseCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;

/**
 * Turns a search spec into the ordered candidate list using Arbiter's grid and random generators,
 * seeded by the experiment seed: the same spec always gives the same candidates in the same order.
 */
public final class CandidateGenerator {

    private CandidateGenerator() {}

    /**
     * Every candidate of the search, in order (for TPE, its random startup candidates). A spec without
     * parameters has exactly one, empty candidate.
     * For a grid, parameters with a single value are left out of Arbiter's space (its grid generator fails
     * on them when they precede another parameter) and added to every candidate in declaration order.
     */
    public static List<Candidate> generate(SearchSpec search, long seed) {
        if (search.parameters().isEmpty()) {
            return List.of(new Candidate(0, Map.of()));
        }
        boolean grid = search.strategy() == SearchSpec.Strategy.GRID;
        int limit = grid
                ? Integer.MAX_VALUE
                : search.strategy() == SearchSpec.Strategy.TPE
                        ? Math.min(search.maxTrials(), search.tpeOrDefaults().startupTrialsOrDefault())
                        : search.maxTrials();
        Map<String, ParamSpec> varying = new LinkedHashMap<>(search.parameters());
        if (grid) {
            varying.values().removeIf(CandidateGenerator::isFixed);
        }
        if (varying.isEmpty()) {
            return List.of(new Candidate(0, merged(search, Map.of())));
        }
        ParamMapSpace space = space(varying, grid ? ParamSpaces::forGrid : ParamSpaces::forRandom);
        BaseCandidateGenerator<?> generator = grid
                ? new GridSearchCandidateGenerator(space, 2, GridSearchCandidateGenerator.Mode.Sequential, null)
                : new RandomSearchGenerator(space, null);
        generator.setRngSeed(seed);
        List<Candidate> out = new ArrayList<>();
        while (generator.hasMoreCandidates() && out.size() < limit) {
            out.add(toCandidate(out.size(), generator.getCandidate(), search));
        }
        return List.copyOf(out);
    }

    private static boolean isFixed(ParamSpec p) {
        return p.isList() && p.values().size() == 1;
    }

    /** Every parameter in declaration order: fixed ones from the spec, the others from {@code drawn}. */
    private static Map<String, Double> merged(SearchSpec search, Map<String, Double> drawn) {
        Map<String, Double> values = new LinkedHashMap<>();
        search.parameters()
                .forEach((name, p) ->
                        values.put(name, isFixed(p) ? p.values().get(0) : ParamSpaces.finish(p, drawn.get(name))));
        return values;
    }

    private static ParamMapSpace space(
            Map<String, ParamSpec> params, Function<ParamSpec, ParameterSpace<Double>> leaf) {
        Map<String, ParameterSpace<Double>> leaves = new LinkedHashMap<>();
        params.forEach((name, p) -> leaves.put(name, leaf.apply(p)));
        return new ParamMapSpace(leaves);
    }

    @SuppressWarnings("unchecked")
    private static Candidate toCandidate(
            int index, org.deeplearning4j.arbiter.optimize.api.Candidate<?> raw, SearchSpec search) {
        if (raw.getException() != null) {
            throw new IllegalStateException("Arbiter could not produce candidate " + index, raw.getException());
        }
        return new Candidate(index, merged(search, (Map<String, Double>) raw.getValue()));
    }
}
