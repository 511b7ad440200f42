package dev.workbench.app;

import dev.workbench.metrics.Diagnosis;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.StepMetrics;
import dev.workbench.store.LostClaimException;
import dev.workbench.store.WorkQueue;
import dev.workbench.train.EpochListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes everything one claimed fold unit records, on the training thread, through the work queue's
 * fenced path: each epoch with the steps logged within it, the weight spreads (after the steps of an epoch
 * that is about to fail) and the out-of-fold confusion matrix. A claim whose lease was lost, or taken
 * over, stops the unit with {@link LostClaimException} at its next write.
 */
final class FoldRecorder implements EpochListener {

    private final WorkQueue queue;
    private final Heartbeat.Active active;
    private final Consumer<EpochMetrics> afterEpoch;
    private final List<StepMetrics> steps = new ArrayList<>();

    /** {@code afterEpoch} is told of each epoch once it is stored (progress display). */
    FoldRecorder(WorkQueue queue, Heartbeat.Active active, Consumer<EpochMetrics> afterEpoch) {
        this.queue = queue;
        this.active = active;
        this.afterEpoch = afterEpoch;
    }

    @Override
    public void onStep(StepMetrics step) {
        steps.add(step);
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        checkHeld();
        queue.addEpoch(active.claim, List.copyOf(steps), metrics);
        steps.clear();
        afterEpoch.accept(metrics);
    }

    @Override
    public void onWeights(List<LayerSpread> spread) {
        checkHeld();
        queue.addSpread(active.claim, List.copyOf(steps), spread);
        steps.clear();
    }

    @Override
    public void onDiagnosis(Diagnosis validation) {
        checkHeld();
        queue.saveConfusion(active.claim, validation.confusion());
    }

    private void checkHeld() {
        if (active.lost()) {
            throw new LostClaimException(active.claim);
        }
    }
}
