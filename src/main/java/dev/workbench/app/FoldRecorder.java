package dev.workbench.app;

import dev.workbench.metrics.Diagnosis;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.StepMetrics;
import dev.workbench.store.Store;
import dev.workbench.train.EpochListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes everything one fold run records into the store, on the training thread: the epoch rows, the
 * steps within each epoch (buffered, written with their epoch, or before the weights of an epoch that
 * failed), the weight spreads and the out-of-fold
 * confusion matrix. Every per-fold write of a run goes through here.
 */
final class FoldRecorder implements EpochListener {

    private final Store store;
    private final long foldRunId;
    private final Consumer<EpochMetrics> afterEpoch;
    private final List<StepMetrics> steps = new ArrayList<>();

    /** {@code afterEpoch} is told of each epoch once it is stored (progress display). */
    FoldRecorder(Store store, long foldRunId, Consumer<EpochMetrics> afterEpoch) {
        this.store = store;
        this.foldRunId = foldRunId;
        this.afterEpoch = afterEpoch;
    }

    @Override
    public void onStep(StepMetrics step) {
        steps.add(step);
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        flushSteps();
        store.foldRuns().addEpoch(foldRunId, metrics);
        afterEpoch.accept(metrics);
    }

    /** Also flushes pending steps: a unit whose loss became NaN reads its weights just before failing. */
    @Override
    public void onWeights(List<LayerSpread> spread) {
        flushSteps();
        store.traces().addSpread(foldRunId, spread);
    }

    private void flushSteps() {
        store.traces().addSteps(foldRunId, steps);
        steps.clear();
    }

    @Override
    public void onDiagnosis(Diagnosis validation) {
        store.traces().saveConfusion(foldRunId, validation.confusion());
    }
}
