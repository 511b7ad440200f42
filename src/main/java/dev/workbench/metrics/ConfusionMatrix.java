package dev.workbench.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs over some evaluated rows.
 *
 * @param classes number of classes
 * @param counts  {@code classes × classes} counts, row-major: row = true class, column = predicted class
 */
public record ConfusionMatrix(int classes, List<Long> counts) {

    public ConfusionMatrix {
        counts = List.copyOf(counts);
        if (classes < 1 || counts.size() != classes * classes) {
            throw new IllegalArgumentException(
                    classes + " classes need " + classes * classes + " counts, got " + counts.size());
        }
        if (counts.stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** A matrix of zeros. */
    public static ConfusionMatrix empty(int classes) {
        return new ConfusionMatrix(classes, new ArrayList<>(java.util.Collections.nCopies(classes * classes, 0L)));
    }

    /** A matrix from a row-major array of counts. */
    public static ConfusionMatrix of(int classes, long[] counts) {
        return new ConfusionMatrix(
                classes, java.util.Arrays.stream(counts).boxed().toList());
    }

    /** Rows of true class {@code label} predicted as {@code predicted}. */
    public long count(int label, int predicted) {
        return counts.get(label * classes + predicted);
    }

    /** Every row counted. */
    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /** Rows predicted correctly: the diagonal. */
    public long correct() {
        long sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += count(c, c);
        }
        return sum;
    }

    /** Correct over total; NaN for an empty matrix. */
    public double accuracy() {
        long total = total();
        return total == 0 ? Double.NaN : correct() / (double) total;
    }

    /** Per true class, the fraction of its rows predicted correctly (recall); NaN for a class with no rows. */
    public List<Double> perClassAccuracy() {
        List<Double> out = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            long rows = 0;
            for (int p = 0; p < classes; p++) {
                rows += count(c, p);
            }
            out.add(rows == 0 ? Double.NaN : count(c, c) / (double) rows);
        }
        return out;
    }

    /** The element-wise sum with a matrix of the same classes. */
    public ConfusionMatrix plus(ConfusionMatrix other) {
        if (other.classes != classes) {
            throw new IllegalArgumentException(
                    "cannot add a " + other.classes + "-class matrix to a " + classes + "-class one");
        }
        long[] sum = new long[classes * classes];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = counts.get(i) + other.counts.get(i);
        }
        return of(classes, sum);
    }

    /** The counts as rows (true classes) of columns (predicted classes). */
    public List<List<Long>> rows() {
        List<List<Long>> rows = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            rows.add(counts.subList(c * classes, (c + 1) * classes));
        }
        return rows;
    }
}
