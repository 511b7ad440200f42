package dev.workbench.train;

import dev.workbench.metrics.Diagnosis;
import dev.workbench.metrics.EpochMetrics;
import java.util.List;

/**
 * What training one unit produced.
 *
 * @param epochs       the metrics of every epoch run, in order, at least one
 * @param stoppedEarly whether early stopping ended training before the configured number of epochs
 * @param validation   confusion matrix and worst mistakes on the validation rows at the last epoch; null
 *                     without validation rows
 */
public record FoldResult(List<EpochMetrics> epochs, boolean stoppedEarly, Diagnosis validation) {

    public FoldResult {
        epochs = List.copyOf(epochs);
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("a result needs at least one epoch");
        }
    }

    /** The metrics of the last epoch run. */
    public EpochMetrics last() {
        return epochs.get(epochs.size() - 1);
    }
}
