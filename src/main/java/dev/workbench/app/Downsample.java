package dev.workbench.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks which points of a long curve to draw. {@link #lttb} is Largest-Triangle-Three-Buckets
 * (Steinarsson 2013), which keeps peaks and dips; {@link #stride} spaces indices evenly. Both keep
 * the first and the last point, and return every index when the curve is already short enough.
 */
final class Downsample {

    private Downsample() {}

    /** Indices of at most {@code max} (at least 3) points of the curve (x[i], y[i]), in order. */
    static List<Integer> lttb(double[] x, double[] y, int max) {
        int n = x.length;
        if (n <= max || max < 3) {
            return max < 3 ? stride(n, max) : all(n);
        }
        List<Integer> kept = new ArrayList<>(max);
        kept.add(0);
        double bucket = (double) (n - 2) / (max - 2);
        int a = 0;
        for (int b = 0; b < max - 2; b++) {
            int start = (int) Math.floor(b * bucket) + 1;
            int end = Math.min((int) Math.floor((b + 1) * bucket) + 1, n - 1);
            int nextEnd = Math.min((int) Math.floor((b + 2) * bucket) + 1, n);
            double avgX = mean(x, end, nextEnd);
            double avgY = mean(y, end, nextEnd);
            int best = start;
            double bestArea = -1;
            for (int i = start; i < end; i++) {
                double area = Math.abs((x[a] - avgX) * (y[i] - y[a]) - (x[a] - x[i]) * (avgY - y[a]));
                if (area > bestArea) {
                    bestArea = area;
                    best = i;
                }
            }
            kept.add(best);
            a = best;
        }
        kept.add(n - 1);
        return kept;
    }

    /** At most {@code max} evenly spaced indices of {@code n}, the first and last always included. */
    static List<Integer> stride(int n, int max) {
        if (n <= max) {
            return all(n);
        }
        List<Integer> kept = new ArrayList<>(max);
        for (int k = 0; k < max; k++) {
            int i = (int) Math.round((double) k * (n - 1) / (max - 1));
            if (kept.isEmpty() || kept.get(kept.size() - 1) != i) {
                kept.add(i);
            }
        }
        return kept;
    }

    private static List<Integer> all(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    /** Mean of the finite values in [from, to); NaN when there are none. */
    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(v[i])) {
                sum += v[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
