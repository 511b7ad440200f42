package dev.workbench.train;

import dev.workbench.metrics.Diagnosis;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.StepMetrics;
import java.util.List;

/**
 * Receives what a unit records as it trains, on the training thread, in order: the initial weight spread,
 * then per epoch its steps, the epoch, and its weight spread; last, the validation diagnosis. Only
 * {@link #onEpoch} must be implemented; an exception thrown by any method aborts the unit.
 */
@FunctionalInterface
public interface EpochListener {

    /** Ignores everything. */
    EpochListener NONE = metrics -> {};

    /** Called once per finished epoch, in order. */
    void onEpoch(EpochMetrics metrics);

    /** A step logged within an epoch (see {@code training.log_every}); the epoch's last one comes just before it. */
    default void onStep(StepMetrics step) {}

    /** The spread of every layer's weights and biases: once before training (epoch 0) and after every epoch. */
    default void onWeights(List<LayerSpread> spread) {}

    /** The confusion matrix and worst mistakes on the validation rows at the last epoch run; not called without them. */
    default void onDiagnosis(Diagnosis validation) {}
}
