package dev.workbench.metrics;

import java.util.List;
import java.util.Optional;

/**
 * Compares a stored fold's epochs with a re-run's, bit for bit: every metric but wall-clock
 * {@code seconds}, in epoch order, then in the order of {@link #METRICS}. NaN equals NaN.
 */
public final class CurveComparison {

    /** The metrics compared, in the order they are checked within an epoch. */
    public static final List<String> METRICS =
            List.of("train_loss", "train_accuracy", "val_loss", "val_accuracy", "learning_rate");

    private CurveComparison() {}

    /** The first difference, or empty when every compared value is identical. */
    public static Optional<EpochDifference> firstDifference(
            int fold, List<EpochMetrics> stored, List<EpochMetrics> reproduced) {
        int common = Math.min(stored.size(), reproduced.size());
        for (int i = 0; i < common; i++) {
            for (String metric : METRICS) {
                double a = value(stored.get(i), metric);
                double b = value(reproduced.get(i), metric);
                if (Double.doubleToLongBits(a) != Double.doubleToLongBits(b)) {
                    return Optional.of(new EpochDifference(fold, stored.get(i).epoch(), metric, a, b));
                }
            }
        }
        if (stored.size() != reproduced.size()) {
            return Optional.of(new EpochDifference(fold, common + 1, "epochs", stored.size(), reproduced.size()));
        }
        return Optional.empty();
    }

    private static double value(EpochMetrics m, String metric) {
        return "learning_rate".equals(metric) ? m.learningRate() : m.metric(metric);
    }
}
