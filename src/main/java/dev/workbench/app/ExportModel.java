package dev.workbench.app;

import dev.workbench.UserInputException;
import dev.workbench.data.Normalizer;
import dev.workbench.metrics.CurveComparison;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.Refit;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.train.ArrayData;
import dev.workbench.train.Evaluation;
import dev.workbench.train.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gets the model an export writes: the stored refit of a trial, or its refit trained now from the refit seed
 * (stored as the experiment's refit when it is that), or one fold's model trained again from its stored seed
 * and checked against the stored curve. Differences from the stored run are warned about, not fatal.
 */
final class ExportModel {

    private final Store store;
    private final StoredExperiment experiment;
    private final RunListener listener;

    ExportModel(Store store, StoredExperiment experiment, RunListener listener) {
        this.store = store;
        this.experiment = experiment;
        this.listener = listener;
    }

    /** A model ready to export, the data it is checked on, and how it relates to the stored run. */
    record Built(
            TrainedModel model,
            ArrayData test,
            Normalizer normalizer,
            long seed,
            int epochs,
            List<EpochMetrics> foldEpochs,
            Integer fold,
            Boolean matchesStoredRun,
            boolean refitted) {}

    Built refit(TrialRow trial) {
        long id = experiment.row().id();
        PreparedData.Split split = experiment.data().refit();
        Optional<Refit> stored = store.refits()
                .find(id)
                .map(r -> r.refit())
                .filter(r -> r.status() == RunStatus.DONE && r.trialIndex() == trial.index());
        Optional<byte[]> zip = stored.isPresent() ? store.refits().model(id) : Optional.empty();
        long seed = new UnitTraining(experiment.spec().spec(), experiment.row()).refitSeed(trial.index());
        if (zip.isPresent()) {
            TrainedModel model = TrainedModel.load(
                    zip.get(),
                    "stored refit model of '" + experiment.row().name() + "'",
                    experiment.row().inferenceBatch());
            Evaluation test = model.evaluate(split.validation());
            boolean same = sameTestResult(stored.get(), test.loss(), test.accuracy());
            if (!same) {
                listener.warning(
                        "the stored refit model now scores test accuracy " + test.accuracy() + ", not the stored "
                                + stored.get().testAccuracy() + " (different native build or thread count?)");
            }
            return new Built(
                    model,
                    split.validation(),
                    split.normalizer(),
                    seed,
                    stored.get().epochs(),
                    List.of(),
                    null,
                    same,
                    false);
        }
        return refitNow(trial, split, stored, seed);
    }

    /** Trains the refit from its seed; stores it as the experiment's refit when it is that (or there is none yet). */
    private Built refitNow(TrialRow trial, PreparedData.Split split, Optional<Refit> stored, long seed) {
        long id = experiment.row().id();
        listener.warning(
                "refitting trial " + trial.index() + " on all training data now (the run stored no refit model)");
        RefitStep step = new RefitStep(store, experiment.spec().spec(), experiment.row(), experiment.data());
        listener.started(
                experiment.row().name() + " trial " + trial.index() + " refit", false, 1, 0, step.epochs(trial));
        long start = System.nanoTime();
        TrainedModel model = step.train(trial, split, listener);
        EpochMetrics last = model.result().last();
        Boolean matches = stored.map(r -> sameTestResult(r, last.valLoss(), last.valAccuracy()))
                .orElse(null);
        boolean experimentsRefit = store.refits()
                .find(id)
                .map(r -> r.refit().trialIndex() == trial.index())
                .orElse(isBest(trial));
        if (Boolean.FALSE.equals(matches)) {
            listener.warning("the refit trained now scores test loss " + last.valLoss() + ", accuracy "
                    + last.valAccuracy() + "; the stored refit scored "
                    + stored.get().testLoss() + ", " + stored.get().testAccuracy());
        } else if (experimentsRefit) {
            step.store(trial, model, (System.nanoTime() - start) / 1e9);
        }
        return new Built(
                model,
                split.validation(),
                split.normalizer(),
                seed,
                model.result().epochs().size(),
                List.of(),
                null,
                matches,
                true);
    }

    private boolean isBest(TrialRow trial) {
        return Ranking.best(store, experiment.row().id())
                .filter(t -> t.id() == trial.id())
                .isPresent();
    }

    private static boolean sameTestResult(Refit stored, double loss, double accuracy) {
        return stored.testLoss() != null
                && stored.testAccuracy() != null
                && Double.doubleToLongBits(stored.testLoss()) == Double.doubleToLongBits(loss)
                && Double.doubleToLongBits(stored.testAccuracy()) == Double.doubleToLongBits(accuracy);
    }

    Built fold(TrialRow trial, int fold) {
        FoldRunRow stored = store.foldRuns().byTrial(trial.id()).stream()
                .filter(f -> f.fold() == fold && f.status() == RunStatus.DONE)
                .findFirst()
                .orElseThrow(() -> new UserInputException(
                        "trial " + trial.index() + " has no finished fold " + fold + " (folds are numbered from 0)"));
        PreparedData.Split split = experiment.data().fold(fold);
        List<EpochMetrics> epochs = new ArrayList<>();
        listener.started(
                experiment.row().name() + " trial " + trial.index() + " fold " + fold,
                false,
                1,
                0,
                stored.epochs().size());
        TrainedModel model = new UnitTraining(experiment.spec().spec(), experiment.row())
                .foldModel(trial, stored.seed(), split, m -> {
                    epochs.add(m);
                    listener.epoch(trial.index(), fold, m);
                });
        var difference = CurveComparison.firstDifference(fold, stored.epochs(), epochs);
        difference.ifPresent(
                d -> listener.warning("the fold model trained now differs from the stored run: " + d.describe()));
        return new Built(
                model,
                experiment.data().test(split.normalizer()),
                split.normalizer(),
                stored.seed(),
                epochs.size(),
                stored.epochs(),
                fold,
                difference.isEmpty(),
                true);
    }
}
