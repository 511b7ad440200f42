package dev.workbench.app;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.provenance.Seeds;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.Num;
import dev.workbench.spec.TrainingSpec;
import dev.workbench.store.Refit;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.train.FoldResult;
import dev.workbench.train.FoldTrainer;
import dev.workbench.train.TrainRequest;

/**
 * Retrains the best trial on all training data and scores it once on the test set. With early stopping
 * the refit trains for the mean number of epochs the folds ran, since it has no validation data to stop on.
 */
final class RefitStep {

    private final Store store;
    private final ExperimentSpec spec;
    private final long experimentId;
    private final PreparedData data;

    RefitStep(Store store, ExperimentSpec spec, long experimentId, PreparedData data) {
        this.store = store;
        this.spec = spec;
        this.experimentId = experimentId;
        this.data = data;
    }

    /** Refits {@code trial}, the best of the experiment, and stores its test result. */
    void run(TrialRow trial, RunListener listener) {
        int epochs = (int) Math.round(store.foldRuns().byTrial(trial.id()).stream()
                .mapToInt(f -> f.epochs().size()).average().orElse(1));
        long seed = Seeds.refit(spec.seed(), trial.index());
        TrainingSpec t = spec.training();
        TrainingSpec fixed = new TrainingSpec(t.optimizer(), t.learningRate(), t.momentum(), t.lrDecay(),
                t.batchSize(), Num.of(epochs), null);
        long start = System.nanoTime();
        try {
            PreparedData.Split split = data.refit();
            FoldResult result = new FoldTrainer().train(new TrainRequest(spec.model(), fixed, trial.params(), seed,
                    split.train(), split.validation()), m -> listener.epoch(trial.index(), -1, m));
            EpochMetrics last = result.last();
            store.refits().save(experimentId, new Refit(trial.index(), seed, RunStatus.DONE, null, result.epochs().size(),
                    last.valLoss(), last.valAccuracy(), seconds(start)));
        } catch (RuntimeException e) {
            store.refits().save(experimentId, new Refit(trial.index(), seed, RunStatus.FAILED, String.valueOf(e.getMessage()),
                    0, null, null, seconds(start)));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
