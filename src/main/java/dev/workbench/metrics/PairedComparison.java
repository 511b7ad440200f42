package dev.workbench.metrics;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Two-sided paired Student t-test of two trials' scores on the same folds.
 *
 * @param n              number of paired folds
 * @param meanDifference mean of {@code a - b} over the folds; NaN when n = 0
 * @param t              the t statistic; NaN when undefined (n &lt; 2 or identical scores), ±Infinity
 *                       when every fold differs by the same non-zero amount
 * @param pValue         two-sided p-value; NaN when n &lt; 2
 * @param significant    p below {@link #ALPHA}
 * @param verdict        the outcome in words, degenerate cases included
 */
public record PairedComparison(
        int n, double meanDifference, double t, double pValue, boolean significant, String verdict) {

    /** Significance level of the verdict. */
    public static final double ALPHA = 0.05;

    /** Tests fold scores {@code a} against {@code b}, paired by position; both lists must be equally long. */
    public static PairedComparison of(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("paired scores differ in length: " + a.size() + " and " + b.size());
        }
        int n = a.size();
        double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = n == 0
                ? Double.NaN
                : IntStream.range(0, n).mapToDouble(i -> x[i] - y[i]).sum() / n;
        if (n < 2) {
            return new PairedComparison(
                    n,
                    mean,
                    Double.NaN,
                    Double.NaN,
                    false,
                    "not enough paired folds (n = " + n + "): a paired test needs at least 2");
        }
        boolean constant = IntStream.range(1, n).allMatch(i -> x[i] - y[i] == x[0] - y[0]);
        if (constant && mean == 0) {
            return new PairedComparison(n, 0, Double.NaN, 1, false, "identical scores on every fold: no difference");
        }
        if (constant) {
            return new PairedComparison(
                    n,
                    mean,
                    Math.copySign(Double.POSITIVE_INFINITY, mean),
                    0,
                    true,
                    "the same difference on every fold (zero variance): significant");
        }
        TTest test = new TTest();
        double p = test.pairedTTest(x, y);
        boolean significant = p < ALPHA;
        return new PairedComparison(
                n,
                mean,
                test.pairedT(x, y),
                p,
                significant,
                String.format(
                        "%s at the 5%% level (p = %.3g, n = %d folds)",
                        significant ? "significant" : "not significant", p, n));
    }
}
