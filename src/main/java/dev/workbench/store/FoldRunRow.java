package dev.workbench.store;

import dev.workbench.metrics.EpochMetrics;
import java.time.Instant;
import java.util.List;

/**
 * One stored training run of a trial on one cross-validation fold.
 *
 * @param error      failure message; null unless failed
 * @param finishedAt null while running
 * @param trainedBy  which worker trained this attempt, and on what; null for fold runs from before the queue
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
        TrainedBy trainedBy,
        List<EpochMetrics> epochs) {

    public FoldRunRow {
        epochs = List.copyOf(epochs);
    }

    FoldRunRow withEpochs(List<EpochMetrics> newEpochs) {
        return new FoldRunRow(id, trialId, fold, seed, status, error, startedAt, finishedAt, trainedBy, newEpochs);
    }

    /**
     * The attempt of the unit this fold run is, and the worker that ran it.
     *
     * @param attempt     the unit's claim number
     * @param worker      {@code host:pid}
     * @param backend     the ND4J backend in words
     * @param nativeBuild the native library build
     */
    public record TrainedBy(int attempt, String worker, String backend, String nativeBuild) {}
}
