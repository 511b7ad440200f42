package dev.workbench.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Min–max summaries of paired measurements. */
final class Stats {

    private Stats() {}

    /**
     * The range of {@code f(a_i) / f(b_i)} over the rounds both lists have, as {@code "min–max"} with two
     * decimals (one value when they agree), or {@code "n/a"} without a pair.
     */
    static <T> String ratioRange(List<T> a, List<T> b, ToDoubleFunction<T> f) {
        int n = Math.min(a.size(), b.size());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double ratio = f.applyAsDouble(a.get(i)) / f.applyAsDouble(b.get(i));
            min = Math.min(min, ratio);
            max = Math.max(max, ratio);
        }
        if (n == 0) {
            return "n/a";
        }
        String low = String.format("%.2f", min);
        String high = String.format("%.2f", max);
        return low.equals(high) ? low + "x" : low + "–" + high + "x";
    }
}
