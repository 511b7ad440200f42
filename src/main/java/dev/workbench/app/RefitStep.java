package dev.workbench.app;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.Refit;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.train.TrainedModel;

/**
 * Retrains the best trial on all training data, scores it once on the test set and stores the network
 * with the result, for export. With early stopping
 * the refit trains for the mean number of epochs the folds ran, since it has no validation data to stop on.
 */
final class RefitStep {

    private final Store store;
    private final UnitTraining training;
    private final long experimentId;
    private final PreparedData data;

    RefitStep(Store store, ExperimentSpec spec, ExperimentRow experiment, PreparedData data) {
        this.store = store;
        this.training = new UnitTraining(spec, experiment);
        this.experimentId = experiment.id();
        this.data = data;
    }

    /**
     * Trains the refit of {@code trial} on {@code split} (from {@link PreparedData#refit()}) for the mean
     * number of epochs its folds ran, from the refit seed; the caller closes the model.
     */
    TrainedModel train(TrialRow trial, PreparedData.Split split, RunListener listener) {
        return training.refit(trial, epochs(trial), split, m -> listener.epoch(trial.index(), -1, m));
    }

    /** The seed the refit of {@code trial} trains from. */
    long seed(TrialRow trial) {
        return training.refitSeed(trial.index());
    }

    /** The epochs a refit of {@code trial} trains: the mean its folds ran. */
    int epochs(TrialRow trial) {
        return (int) Math.round(store.foldRuns().byTrial(trial.id()).stream()
                .mapToInt(f -> f.epochs().size())
                .average()
                .orElse(1));
    }

    /**
     * Stores a trained refit as the experiment's refit: its test result (its last epoch's validation), model,
     * and test confusion matrix with its most confident mistakes (from that same evaluation).
     */
    Refit store(TrialRow trial, TrainedModel model, double seconds) {
        EpochMetrics last = model.result().last();
        Refit done = new Refit(
                trial.index(),
                seed(trial),
                RunStatus.DONE,
                null,
                model.result().epochs().size(),
                last.valLoss(),
                last.valAccuracy(),
                seconds);
        store.refits().save(experimentId, done);
        store.refits().saveModel(experimentId, model.zipBytes());
        saveTestDiagnosis(trial, model);
        return done;
    }

    /**
     * Stores the refit's test confusion matrix and most confident mistakes, from the evaluation that gave its
     * test result; replaces an earlier one (a refit is deterministic, so a repeat stores the same).
     */
    void saveTestDiagnosis(TrialRow trial, TrainedModel model) {
        if (model.result().validation() != null) {
            new TestGallery(store, data)
                    .save(
                            experimentId,
                            null,
                            trial.index(),
                            null,
                            model.result().validation());
        }
    }
}
