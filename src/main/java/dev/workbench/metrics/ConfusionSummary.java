package dev.workbench.metrics;

import java.util.List;

/**
 * A confusion matrix as reports show it.
 *
 * @param matrix           counts, row = true class, column = predicted class
 * @param total            rows counted
 * @param correct          the diagonal's sum
 * @param accuracy         correct / total (NaN for no rows)
 * @param perClassAccuracy per true class, the fraction of its rows predicted correctly (NaN for a class with no rows)
 * @param parts            how many matrices were summed into it (folds for an out-of-fold matrix, 1 otherwise)
 */
public record ConfusionSummary(
        int classes,
        List<List<Long>> matrix,
        long total,
        long correct,
        double accuracy,
        List<Double> perClassAccuracy,
        int parts) {

    public ConfusionSummary {
        matrix = matrix.stream().map(List::copyOf).toList();
        perClassAccuracy = List.copyOf(perClassAccuracy);
    }

    /** The summary of one matrix, or of a sum of {@code parts} matrices. */
    public static ConfusionSummary of(ConfusionMatrix m, int parts) {
        return new ConfusionSummary(
                m.classes(), m.rows(), m.total(), m.correct(), m.accuracy(), m.perClassAccuracy(), parts);
    }

    /** The sum of {@code matrices} (at least one, all of the same classes) as one summary. */
    public static ConfusionSummary sum(List<ConfusionMatrix> matrices) {
        ConfusionMatrix total = matrices.stream()
                .reduce(ConfusionMatrix::plus)
                .orElseThrow(() -> new IllegalArgumentException("nothing to sum"));
        return of(total, matrices.size());
    }
}
