package dev.workbench.store;

import dev.workbench.metrics.EpochMetrics;
import java.util.Objects;

/**
 * A fold run without its curve: how far it got and its last recorded epoch, for leaderboards that
 * need each fold's score but not every epoch.
 *
 * @param epochs number of epochs recorded (the last one's number: epochs are recorded 1, 2, ...)
 * @param last   the last recorded epoch; null when none has finished yet
 */
public record FoldOutcome(
        long trialId, int fold, long seed, RunStatus status, String error, int epochs, EpochMetrics last) {

    public FoldOutcome {
        Objects.requireNonNull(status, "status");
    }
}
