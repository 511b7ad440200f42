package dev.workbench.app;

import dev.workbench.metrics.ScoreSummary;
import dev.workbench.provenance.BackendInfo;
import dev.workbench.provenance.RunProvenance;
import dev.workbench.provenance.Seeds;
import dev.workbench.provenance.TrialProvenance;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.train.FoldResult;
import dev.workbench.train.FoldTrainer;
import dev.workbench.train.TrainRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trains every pending (trial, fold) unit of one experiment, records each epoch as it ends, and scores
 * each trial once all its folds are done. Units are independent, so they may run concurrently.
 */
final class ExperimentRun {

    private final Store store;
    private final ExperimentSpec spec;
    private final long experimentId;
    private final PreparedData data;
    private final RunListener listener;
    private final RunProvenance provenance;
    private final ProvenanceJson provenanceJson = new ProvenanceJson();
    private final Set<Long> failedTrials = ConcurrentHashMap.newKeySet();
    /** Guards "is the trial failed?" together with the status write that follows it. */
    private final Object trialStatus = new Object();

    ExperimentRun(Store store, ExperimentSpec spec, long experimentId, PreparedData data, RunListener listener,
                  RunProvenance provenance) {
        this.store = store;
        this.spec = spec;
        this.experimentId = experimentId;
        this.data = data;
        this.listener = listener;
        this.provenance = provenance;
    }

    /** Units not yet done, trial-major, skipping failed trials. */
    List<Unit> pendingUnits() {
        List<Unit> pending = new ArrayList<>();
        for (TrialRow trial : store.trials().byExperiment(experimentId)) {
            if (trial.status() == RunStatus.FAILED) {
                continue;
            }
            Set<Integer> done = doneFolds(trial.id());
            for (int fold = 0; fold < data.folds(); fold++) {
                if (!done.contains(fold)) {
                    pending.add(new Unit(trial, fold, Seeds.fold(spec.seed(), trial.index(), fold)));
                }
            }
        }
        return pending;
    }

    private Set<Integer> doneFolds(long trialId) {
        Set<Integer> done = new java.util.HashSet<>();
        for (FoldRunRow f : store.foldRuns().byTrial(trialId)) {
            if (f.status() == RunStatus.DONE) {
                done.add(f.fold());
            }
        }
        return done;
    }

    /** Trains one unit on the calling thread; a failure marks the trial failed instead of propagating. */
    void train(Unit unit) {
        TrialRow trial = unit.trial();
        synchronized (trialStatus) {
            if (failedTrials.contains(trial.id())) {
                listener.skipped(epochsOf(trial));
                return;
            }
            store.trials().markRunning(trial.id());
        }
        long runId = store.foldRuns().start(trial.id(), unit.fold(), unit.seed());
        try {
            PreparedData.Split split = data.fold(unit.fold());
            TrainRequest request = new TrainRequest(spec.model(), spec.training(), trial.params(), unit.seed(),
                    split.train(), split.validation());
            FoldResult result = new FoldTrainer().train(request,
                    new FoldRecorder(store, runId, m -> listener.epoch(trial.index(), unit.fold(), m)));
            store.foldRuns().finish(runId);
            listener.skipped(epochsOf(trial) - result.epochs().size());
        } catch (RuntimeException e) {
            fail(unit, runId, e);
            return;
        }
        completeTrial(trial);
    }

    private void fail(Unit unit, long runId, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        store.foldRuns().fail(runId, message);
        String error = "fold " + unit.fold() + ": " + message;
        synchronized (trialStatus) {
            failedTrials.add(unit.trial().id());
            store.trials().markFailed(unit.trial().id(), error);
        }
        listener.trialFailed(unit.trial().index(), error);
        listener.skipped(epochsOf(unit.trial()) - store.foldRuns().byTrial(unit.trial().id()).stream()
                .filter(f -> f.fold() == unit.fold()).mapToLong(f -> f.epochs().size()).sum());
    }

    /** Scores the trial if all its folds are done (idempotent: concurrent callers write the same score). */
    void completeTrial(TrialRow trial) {
        List<FoldRunRow> folds = store.foldRuns().byTrial(trial.id());
        if (failedTrials.contains(trial.id()) || folds.size() < data.folds()
                || !folds.stream().allMatch(f -> f.status() == RunStatus.DONE)) {
            return;
        }
        String metric = spec.objective().metric();
        List<Double> finals = folds.stream().map(f -> f.epochs().get(f.epochs().size() - 1).metric(metric)).toList();
        store.trials().markDone(trial.id(), ScoreSummary.of(finals));
        recordProvenance(trial.id(), folds);
    }

    /** Stores how the trial was trained, unless an earlier run (before a resume) already did. */
    private void recordProvenance(long trialId, List<FoldRunRow> folds) {
        TrialRow done = store.trials().byId(trialId).orElseThrow();
        if (done.provenanceJson() != null) {
            return;
        }
        BackendInfo backend = provenance.backend();
        TrialProvenance p = new TrialProvenance(done.seed(), folds.stream()
                .map(f -> new TrialProvenance.FoldSeed(f.fold(), f.seed(), f.startedAt(), f.finishedAt())).toList(),
                done.startedAt(), done.finishedAt(), backend.ompThreads(), provenance.parallel(), backend.nativeBuild());
        store.trials().setProvenance(trialId, provenanceJson.write(p));
    }

    /** The most epochs a unit of this trial can take. */
    int epochsOf(TrialRow trial) {
        return spec.training().epochs().resolveInt(trial.params());
    }
}
