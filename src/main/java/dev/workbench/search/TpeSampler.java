package dev.workbench.search;

import dev.workbench.spec.ParamSpec;
import dev.workbench.spec.SearchSpec;
import dev.workbench.spec.TpeSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al. 2011) for a batch of candidates. The finished trials
 * are split at the {@code gamma} quantile of the objective into good ({@code ceil(gamma · n)}, at least one)
 * and bad; per parameter, l(x) models the good values and g(x) the bad ones (ranges: {@link ParzenEstimator}
 * in log space where the spec says {@code log}, rounded afterwards for {@code int}; value lists: counts plus
 * one for every value). Each proposal draws {@code candidates} points from l and keeps the one with the
 * highest sum over parameters of log l(x) − log g(x). The draws come from a generator seeded by the
 * experiment seed and the batch index alone, so a batch depends on nothing but the seed and earlier results.
 */
public final class TpeSampler {

    private final SearchSpec search;
    private final TpeSpec tpe;

    public TpeSampler(SearchSpec search) {
        this.search = search;
        this.tpe = search.tpeOrDefaults();
    }

    /** A finished trial: its parameters and objective (NaN for a trial that failed or diverged). */
    public record Observation(int trialIndex, Map<String, Double> params, double objective) {}

    /** {@code count} proposals for batch {@code batchIndex} from {@code finished}, in order. */
    public List<Map<String, Double>> propose(
            List<Observation> finished, boolean maximize, long seed, int batchIndex, int count) {
        List<Observation> ranked = new ArrayList<>(finished);
        Comparator<Observation> better = Comparator.comparingDouble(o -> maximize ? -o.objective() : o.objective());
        ranked.sort(Comparator.<Observation, Boolean>comparing(o -> Double.isNaN(o.objective()))
                .thenComparing(better)
                .thenComparingInt(Observation::trialIndex));
        int good = Math.max(1, (int) Math.ceil(tpe.gammaOrDefault() * ranked.size()));
        List<Observation> below = ranked.subList(0, Math.min(good, ranked.size()));
        List<Observation> above = ranked.subList(Math.min(good, ranked.size()), ranked.size());
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x7470650000L + batchIndex);
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(propose(below, above, random));
        }
        return out;
    }

    private Map<String, Double> propose(List<Observation> below, List<Observation> above, SplittableRandom random) {
        Map<String, Dimension> dims = new LinkedHashMap<>();
        search.parameters()
                .forEach((name, p) -> dims.put(name, new Dimension(p, values(below, name), values(above, name))));
        Map<String, Double> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < tpe.candidatesOrDefault(); c++) {
            Map<String, Double> internal = new LinkedHashMap<>();
            double score = 0;
            for (Map.Entry<String, Dimension> d : dims.entrySet()) {
                double x = d.getValue().sample(random);
                internal.put(d.getKey(), x);
                score += d.getValue().ratio(x);
            }
            if (best == null || score > bestScore) {
                best = internal;
                bestScore = score;
            }
        }
        Map<String, Double> params = new LinkedHashMap<>();
        best.forEach((name, x) -> params.put(name, dims.get(name).external(x)));
        return params;
    }

    private static List<Double> values(List<Observation> trials, String name) {
        return trials.stream()
                .map(o -> o.params().get(name))
                .filter(v -> v != null)
                .toList();
    }

    /** One parameter's l(x) and g(x), in its internal scale (log for log ranges, an index for value lists). */
    private static final class Dimension {
        private final ParamSpec p;
        private final ParzenEstimator goodRange;
        private final ParzenEstimator badRange;
        private final double[] goodWeights;
        private final double[] badWeights;

        Dimension(ParamSpec p, List<Double> good, List<Double> bad) {
            this.p = p;
            if (p.isList()) {
                goodWeights = weights(p.values(), good);
                badWeights = weights(p.values(), bad);
                goodRange = badRange = null;
            } else {
                goodRange = new ParzenEstimator(internal(good), toInternal(p.min()), toInternal(p.max()));
                badRange = new ParzenEstimator(internal(bad), toInternal(p.min()), toInternal(p.max()));
                goodWeights = badWeights = null;
            }
        }

        double sample(SplittableRandom random) {
            if (goodRange != null) {
                return goodRange.sample(random);
            }
            double u = random.nextDouble();
            for (int i = 0; i < goodWeights.length; i++) {
                u -= goodWeights[i];
                if (u < 0) {
                    return i;
                }
            }
            return goodWeights.length - 1;
        }

        double ratio(double x) {
            if (goodRange != null) {
                return goodRange.logDensity(x) - badRange.logDensity(x);
            }
            return Math.log(goodWeights[(int) x]) - Math.log(badWeights[(int) x]);
        }

        double external(double x) {
            if (goodRange == null) {
                return p.values().get((int) x);
            }
            double v = p.scale() == ParamSpec.Scale.LOG ? Math.exp(x) : x;
            return ParamSpaces.finish(p, Math.min(p.max(), Math.max(p.min(), v)));
        }

        private double toInternal(double v) {
            return p.scale() == ParamSpec.Scale.LOG ? Math.log(v) : v;
        }

        private double[] internal(List<Double> values) {
            return values.stream().mapToDouble(this::toInternal).toArray();
        }

        /** Each value's count among {@code seen}, plus one, normalised. */
        private static double[] weights(List<Double> values, List<Double> seen) {
            double[] w = new double[values.size()];
            java.util.Arrays.fill(w, 1.0);
            seen.forEach(v -> {
                int i = values.indexOf(v);
                if (i >= 0) {
                    w[i]++;
                }
            });
            double total = java.util.Arrays.stream(w).sum();
            for (int i = 0; i < w.length; i++) {
                w[i] /= total;
            }
            return w;
        }
    }
}
