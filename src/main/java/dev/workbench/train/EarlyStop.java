package dev.workbench.train;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.spec.TrainingSpec;

/**
 * Decides when to stop training on a stalled metric: once it has not improved by more than
 * {@code minDelta} for {@code patience} epochs in a row. Lower is better for losses, higher for
 * accuracies. A NaN metric (no validation rows) never stops training.
 */
final class EarlyStop {

    private final String metric;
    private final int patience;
    private final double minDelta;
    private final boolean higherIsBetter;
    private double best = Double.NaN;
    private int stalled;

    private EarlyStop(String metric, int patience, double minDelta) {
        this.metric = metric;
        this.patience = patience;
        this.minDelta = minDelta;
        this.higherIsBetter = metric.endsWith("accuracy");
    }

    /** A rule for the spec's setting, or one that never stops when the spec has none. */
    static EarlyStop of(TrainingSpec.EarlyStopping spec) {
        if (spec == null) {
            return new EarlyStop("val_loss", Integer.MAX_VALUE, 0.0);
        }
        int patience = spec.patience() == null ? 0 : spec.patience();
        return new EarlyStop(spec.metric(), patience, spec.minDelta());
    }

    /** Records one finished epoch; true when training should stop after it. */
    boolean shouldStop(EpochMetrics epoch) {
        double value = epoch.metric(metric);
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(best) || improves(value)) {
            best = value;
            stalled = 0;
            return false;
        }
        stalled++;
        return stalled >= patience;
    }

    private boolean improves(double value) {
        return higherIsBetter ? value > best + minDelta : value < best - minDelta;
    }
}
