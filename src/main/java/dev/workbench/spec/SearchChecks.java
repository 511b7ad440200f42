package dev.workbench.spec;

import java.util.HashSet;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the search section: strategy, trial budget and each parameter's domain. */
final class SearchChecks {

    private static final Pattern PARAM = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private final SpecValidator v;

    SearchChecks(SpecValidator v) {
        this.v = v;
    }

    void check(SearchSpec search) {
        v.require(search.strategy() != null, "search.strategy", "is required (grid, random or tpe)");
        boolean random = search.strategy() != SearchSpec.Strategy.GRID;
        String name = search.strategy().name().toLowerCase(java.util.Locale.ROOT);
        if (random) {
            v.require(search.maxTrials() != null, "search.max_trials", "is required for " + name + " search");
            v.require(search.maxTrials() >= 1, "search.max_trials", "must be at least 1");
        } else {
            v.require(search.maxTrials() == null, "search.max_trials", "applies to random and tpe search only");
        }
        v.require(!search.parameters().isEmpty() || !random, "search.parameters", name + " search needs parameters");
        for (Map.Entry<String, ParamSpec> e : search.parameters().entrySet()) {
            checkParam("search.parameters." + e.getKey(), e.getKey(), e.getValue(), random);
        }
        checkSize(search, random);
    }

    /** Counts the candidates before any is generated; the grid's product saturates above the limit. */
    private void checkSize(SearchSpec search, boolean random) {
        Integer max = search.maxCandidates();
        v.require(
                max == null || (max >= 1 && max <= SearchSpec.MAX_CANDIDATES_CEILING),
                "search.max_candidates",
                "must be between 1 and " + SearchSpec.MAX_CANDIDATES_CEILING + " (got " + max + ")");
        long limit = search.candidateLimit();
        String raise = "; the limit is search.max_candidates (default " + SearchSpec.DEFAULT_MAX_CANDIDATES
                + ", at most " + SearchSpec.MAX_CANDIDATES_CEILING + ")";
        if (random) {
            v.require(
                    search.maxTrials() <= limit,
                    "search.max_trials",
                    search.maxTrials() + " trials is more than the limit of " + limit + " candidates" + raise);
            return;
        }
        double count = 1;
        StringBuilder sizes = new StringBuilder();
        for (Map.Entry<String, ParamSpec> e : search.parameters().entrySet()) {
            ParamSpec p = e.getValue();
            int n = p.isList() ? p.values().size() : p.gridPoints();
            count *= n;
            sizes.append(sizes.length() == 0 ? "" : " × ")
                    .append(e.getKey())
                    .append(' ')
                    .append(n);
        }
        v.require(
                count <= limit,
                "search.parameters",
                String.format(
                        "the grid has %,.0f candidates (%s), more than the "
                                + "limit of %,d: use fewer values, or random search with max_trials%s",
                        count, sizes, limit, raise));
    }

    private void checkParam(String path, String name, ParamSpec p, boolean random) {
        v.require(PARAM.matcher(name).matches(), path, "parameter names are letters, digits and '_'");
        v.require(p != null, path, "needs 'values' or 'min' and 'max'");
        boolean range = p.min() != null || p.max() != null;
        v.require(p.isList() != range, path, "give either 'values' or a range 'min'/'max', not both or neither");
        if (p.isList()) {
            v.require(!p.values().isEmpty(), path + ".values", "is empty: the search space has no value for " + name);
            v.require(
                    p.values().stream().allMatch(x -> x != null && Double.isFinite(x)),
                    path + ".values",
                    "must be numbers");
            v.require(new HashSet<>(p.values()).size() == p.values().size(), path + ".values", "has duplicate values");
            v.require(p.gridPoints() == null, path + ".grid_points", "applies to ranges only");
            return;
        }
        checkRange(path, p, random);
    }

    private void checkRange(String path, ParamSpec p, boolean random) {
        v.require(p.min() != null, path + ".min", "is required with max");
        v.require(p.max() != null, path + ".max", "is required with min");
        v.require(p.min() < p.max(), path, "empty range: min " + p.min() + " must be below max " + p.max());
        v.require(p.scale() != ParamSpec.Scale.LOG || p.min() > 0, path + ".min", "a log scale needs min > 0");
        if (p.type() == ParamSpec.Type.INT) {
            v.require(
                    p.min() == Math.rint(p.min()) && p.max() == Math.rint(p.max()),
                    path,
                    "an int range needs integer bounds");
        }
        if (random) {
            v.require(p.gridPoints() == null, path + ".grid_points", "applies to grid search only");
        } else {
            v.require(
                    p.gridPoints() != null, path + ".grid_points", "grid search over a range needs grid_points (>= 2)");
            v.require(p.gridPoints() >= 2, path + ".grid_points", "must be at least 2");
        }
    }
}
