package dev.workbench.app;

import dev.workbench.UserInputException;
import dev.workbench.metrics.CurveComparison;
import dev.workbench.metrics.EpochDifference;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.train.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Re-runs a trial's finished folds (or one of them) from the stored spec, seeds and data, each fold on
 * its own worker thread as a run does, and compares every epoch's metrics with the stored ones bit for
 * bit. The verdict is recorded with the trial.
 */
final class Reproduction {

    private final Store store;
    private final StoredExperiment experiment;
    private final RunListener listener;
    private final Map<Integer, List<EpochMetrics>> rerun = new ConcurrentHashMap<>();
    private final Map<Integer, String> failures = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> prunedAt = new ConcurrentHashMap<>();

    Reproduction(Store store, StoredExperiment experiment, RunListener listener) {
        this.store = store;
        this.experiment = experiment;
        this.listener = listener;
    }

    ReproduceOutcome run(int trialIndex, Integer fold, int parallel) {
        TrialRow trial = experiment.trial(store, trialIndex);
        List<FoldRunRow> folds = foldsToRun(trial, fold);
        int epochs = folds.stream().mapToInt(f -> f.epochs().size()).sum();
        listener.started(experiment.row().name() + " trial " + trialIndex, false, folds.size(), 0, epochs);
        if (trial.status() == RunStatus.PRUNED) { // re-run a pruned trial's folds only as far as halving let them go
            folds.forEach(f -> prunedAt.put(f.fold(), f.epochs().size()));
        }
        List<Unit> units =
                folds.stream().map(f -> new Unit(trial, f.fold(), f.seed())).toList();
        new UnitScheduler(parallel).run(units, this::train);
        ReproduceOutcome outcome = compare(trial, fold, folds, epochs);
        store.reproductions()
                .record(
                        trial.id(),
                        fold,
                        outcome.identical(),
                        outcome.detail(),
                        parallel,
                        new ProvenanceJson().write(experiment.now().finished()));
        return outcome;
    }

    private List<FoldRunRow> foldsToRun(TrialRow trial, Integer fold) {
        List<FoldRunRow> done = store.foldRuns().byTrial(trial.id()).stream()
                .filter(f -> f.status() == RunStatus.DONE && (fold == null || f.fold() == fold))
                .toList();
        if (done.isEmpty()) {
            throw new UserInputException(
                    "trial " + trial.index() + " of '" + experiment.row().name() + "' has no finished "
                            + (fold == null ? "folds" : "fold " + fold) + " to reproduce");
        }
        return done;
    }

    /** Trains one fold on the calling worker thread, keeping every epoch it reaches. */
    private void train(Unit unit) {
        List<EpochMetrics> epochs = new ArrayList<>();
        rerun.put(unit.fold(), epochs);
        PreparedData.Split split = experiment.data().fold(unit.fold());
        var spec = experiment.spec().spec();
        try {
            new UnitTraining(spec, experiment.row())
                    .segment(unit.trial(), unit.seed(), split, new Segment(prunedAt.get(unit.fold()), null), m -> {
                        epochs.add(m);
                        listener.epoch(unit.trial().index(), unit.fold(), m);
                    });
        } catch (RuntimeException e) {
            failures.put(unit.fold(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private ReproduceOutcome compare(TrialRow trial, Integer fold, List<FoldRunRow> folds, int epochs) {
        for (FoldRunRow f : folds) {
            Optional<EpochDifference> difference =
                    CurveComparison.firstDifference(f.fold(), f.epochs(), rerun.get(f.fold()));
            if (difference.isPresent()) {
                return new ReproduceOutcome(
                        experiment.row().name(),
                        trial.index(),
                        fold,
                        folds.size(),
                        epochs,
                        difference.get(),
                        failures.get(f.fold()));
            }
        }
        return new ReproduceOutcome(experiment.row().name(), trial.index(), fold, folds.size(), epochs, null, null);
    }
}
