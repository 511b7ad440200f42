package dev.workbench.store;

import dev.workbench.metrics.EpochMetrics;
import java.time.Instant;
import java.util.List;

/**
 * One stored training run of a trial on one cross-validation fold.
 *
 * @param error      failure message; null unless failed
 * @param finishedAt null while running
 * @param epochs     finished epochs in order, as many as were committed
 */
public record FoldRunRow(
        long id,
        long trialId,
        int fold,
        long seed,
        RunStatus status,
        String error,
        Instant startedAt,
        Instant finishedAt,
        List<EpochMetrics> epochs) {

    public FoldRunRow {
        epochs = List.copyOf(epochs);
    }

    FoldRunRow withEpochs(List<EpochMetrics> newEpochs) {
        return new FoldRunRow(id, trialId, fold, seed, status, error, startedAt, finishedAt, newEpochs);
    }
}
