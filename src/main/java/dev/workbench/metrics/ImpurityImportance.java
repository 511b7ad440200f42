package dev.workbench.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mean decrease in impurity (Breiman 2001; Louppe et al. 2013) of a seeded random forest of regression
 * trees: every tree is grown to purity (CART, variance reduction, all features tried at every split) on a
 * bootstrap sample of the rows; each split credits its feature with the squared error it removes; the
 * credits are summed over the forest and normalised to sum to 1. The same settings as Optuna's
 * {@code MeanDecreaseImpurityImportanceEvaluator} (64 trees, depth at most 64). Deterministic: ties go to
 * the lower feature index and the lower threshold, and the only randomness is the seeded bootstrap.
 * Known limits: the credits favour features with many distinct values, and with few rows they are noisy.
 */
public final class ImpurityImportance {

    /** Trees in the forest. */
    public static final int TREES = 64;
    /** Deepest split of a tree. */
    public static final int MAX_DEPTH = 64;

    private final double[][] x;
    private final double[] y;
    private final double[] credit;

    private ImpurityImportance(List<List<Double>> rows, List<Double> targets) {
        x = rows.stream()
                .map(r -> r.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
        y = targets.stream().mapToDouble(Double::doubleValue).toArray();
        credit = new double[x.length == 0 ? 0 : x[0].length];
    }

    /**
     * The importance of each feature (column of {@code rows}) for {@code targets}, summing to 1; all zero
     * when no split reduces the error (for example a constant target).
     */
    public static List<Double> of(List<List<Double>> rows, List<Double> targets, long seed) {
        if (rows.size() != targets.size() || rows.isEmpty()) {
            throw new IllegalArgumentException("need one target per row and at least one row");
        }
        ImpurityImportance forest = new ImpurityImportance(rows, targets);
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < TREES; t++) {
            int[] sample = new int[rows.size()];
            Arrays.setAll(sample, i -> random.nextInt(rows.size()));
            forest.grow(sample, 0);
        }
        double total = Arrays.stream(forest.credit).sum();
        List<Double> out = new ArrayList<>();
        for (double c : forest.credit) {
            out.add(total > 0 ? c / total : 0.0);
        }
        return out;
    }

    private void grow(int[] rows, int depth) {
        if (rows.length < 2 || depth >= MAX_DEPTH || Arrays.stream(rows).allMatch(r -> y[r] == y[rows[0]])) {
            return;
        }
        Split best = null;
        for (int f = 0; f < credit.length; f++) {
            Split s = bestSplit(rows, f);
            if (s != null && (best == null || s.gain() > best.gain())) {
                best = s;
            }
        }
        if (best == null || best.gain() <= 0) {
            return;
        }
        credit[best.feature()] += best.gain();
        final Split chosen = best;
        grow(
                Arrays.stream(rows)
                        .filter(r -> x[r][chosen.feature()] <= chosen.threshold())
                        .toArray(),
                depth + 1);
        grow(
                Arrays.stream(rows)
                        .filter(r -> x[r][chosen.feature()] > chosen.threshold())
                        .toArray(),
                depth + 1);
    }

    /** The threshold of feature {@code f} that removes the most squared error, or null when all values are equal. */
    private Split bestSplit(int[] rows, int f) {
        int[] sorted = Arrays.stream(rows)
                .boxed()
                .sorted((a, b) -> Double.compare(x[a][f], x[b][f]))
                .mapToInt(Integer::intValue)
                .toArray();
        double sum = 0;
        double squares = 0;
        for (int r : sorted) {
            sum += y[r];
            squares += y[r] * y[r];
        }
        int n = sorted.length;
        double parent = squares - sum * sum / n;
        double leftSum = 0;
        double leftSquares = 0;
        Split best = null;
        for (int i = 0; i < n - 1; i++) {
            leftSum += y[sorted[i]];
            leftSquares += y[sorted[i]] * y[sorted[i]];
            double here = x[sorted[i]][f];
            double next = x[sorted[i + 1]][f];
            if (here == next) {
                continue;
            }
            int left = i + 1;
            double rightSum = sum - leftSum;
            double error =
                    leftSquares - leftSum * leftSum / left + (squares - leftSquares) - rightSum * rightSum / (n - left);
            double gain = parent - error;
            if (best == null || gain > best.gain()) {
                best = new Split(f, (here + next) / 2, gain);
            }
        }
        return best;
    }

    private record Split(int feature, double threshold, double gain) {}
}
