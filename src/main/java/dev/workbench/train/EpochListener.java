package dev.workbench.train;

import dev.workbench.metrics.EpochMetrics;

/** Receives each epoch's metrics as soon as the epoch ends, on the training thread. */
@FunctionalInterface
public interface EpochListener {

    /** Ignores every epoch. */
    EpochListener NONE = metrics -> { };

    /** Called once per finished epoch, in order; an exception thrown here aborts the unit. */
    void onEpoch(EpochMetrics metrics);
}
