package dev.workbench.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The spread of a set of values as the TensorFlow codelab draws it: the minimum, the 1/7 … 6/7
 * quantiles and the maximum (eight boundaries of seven bands), over the finite values, with the count of
 * values that are NaN or infinite.
 *
 * @param bounds    eight values, ascending; every one NaN when no value is finite
 * @param nonFinite how many values were NaN or ±infinity
 */
public record SevenBands(List<Double> bounds, long nonFinite) {

    /** Boundaries per spread: min, 1/7 … 6/7, max. */
    public static final int BOUNDS = 8;

    public SevenBands {
        bounds = List.copyOf(bounds);
        if (bounds.size() != BOUNDS) {
            throw new IllegalArgumentException("seven bands need " + BOUNDS + " bounds, got " + bounds.size());
        }
        if (nonFinite < 0) {
            throw new IllegalArgumentException("nonFinite must be >= 0");
        }
    }

    /**
     * The bands of {@code values} (not modified). Quantile q of the n sorted finite values is the value
     * at index round(q·(n−1)), the nearest-rank rule, so every bound is one of the values.
     */
    public static SevenBands of(float[] values) {
        float[] finite = new float[values.length];
        int n = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                finite[n++] = v;
            }
        }
        Arrays.sort(finite, 0, n);
        Double[] bounds = new Double[BOUNDS];
        for (int k = 0; k < BOUNDS; k++) {
            bounds[k] = n == 0 ? Double.NaN : (double) finite[(int) Math.round(k * (n - 1) / 7.0)];
        }
        return new SevenBands(Arrays.asList(bounds), values.length - n);
    }

    /** The largest absolute finite value; NaN when there is none. */
    public double maxAbs() {
        return Math.max(Math.abs(bounds.get(0)), Math.abs(bounds.get(BOUNDS - 1)));
    }
}
