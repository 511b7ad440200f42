package dev.workbench.app;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.ScoreSummary;
import dev.workbench.provenance.BackendInfo;
import dev.workbench.provenance.TrialProvenance;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.store.Claim;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.LostClaimException;
import dev.workbench.store.Refit;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.store.TrialScorer;
import dev.workbench.store.UnitKind;
import dev.workbench.store.UnitOutcome;
import dev.workbench.train.SegmentResult;
import dev.workbench.train.TrainedModel;
import dev.workbench.train.TrainingException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Trains one claimed unit on the calling thread from its stored seed and writes it through the work
 * queue's fenced path: each epoch as it ends, then the finish (which scores the trial after its last
 * fold) or the failure. A claim taken over mid-unit surfaces as {@link LostClaimException}.
 */
final class UnitTrainer {

    /** How the unit ended, for the worker's counts and progress line. */
    enum Result {
        DONE,
        RETRY,
        FAILED
    }

    private final Store store;
    private final BackendInfo backend;
    private final int parallel;
    private final RunListener listener;
    private final ProvenanceJson json = new ProvenanceJson();

    UnitTrainer(Store store, BackendInfo backend, int parallel, RunListener listener) {
        this.store = store;
        this.backend = backend;
        this.parallel = parallel;
        this.listener = listener;
    }

    Result train(Heartbeat.Active active, ServedExperiments.Ready experiment) {
        Claim claim = active.claim;
        try {
            UnitOutcome outcome = claim.kind() == UnitKind.FOLD ? fold(active, experiment) : refit(claim, experiment);
            finished(outcome, experiment);
            return Result.DONE;
        } catch (LostClaimException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // a diverged loss is a result of the unit's seed and parameters: another attempt would diverge again
            UnitOutcome outcome = store.queue()
                    .fail(
                            claim,
                            message,
                            !(e instanceof TrainingException),
                            TpeProposer.of(
                                    experiment.spec().spec(), experiment.data().folds()));
            if (!outcome.retry() && claim.trialId() != null) {
                int trial = store.trials().byId(claim.trialId()).orElseThrow().index();
                listener.trialFailed(trial, "fold " + claim.fold() + ": " + message);
            }
            finished(outcome, experiment);
            return outcome.retry() ? Result.RETRY : Result.FAILED;
        }
    }

    private UnitOutcome fold(Heartbeat.Active active, ServedExperiments.Ready experiment) {
        Claim claim = active.claim;
        ExperimentSpec spec = experiment.spec().spec();
        TrialRow trial = store.trials().byId(claim.trialId()).orElseThrow();
        PreparedData.Split split = experiment.data().fold(claim.fold());
        SegmentResult result = new UnitTraining(spec, experiment.row())
                .segment(
                        trial,
                        claim.seed(),
                        split,
                        Checkpoints.segment(store.queue(), claim),
                        new FoldRecorder(store.queue(), active, m -> listener.epoch(trial.index(), claim.fold(), m)));
        if (result.checkpoint() != null) {
            return store.queue().finishSegment(claim, Checkpoints.saved(result.checkpoint()));
        }
        return store.queue()
                .finishFold(
                        claim,
                        scorer(spec),
                        TpeProposer.of(spec, experiment.data().folds()));
    }

    private TrialScorer scorer(ExperimentSpec spec) {
        String metric = spec.objective().metric();
        return (trial, folds) -> {
            List<Double> finals = folds.stream()
                    .map(f -> f.epochs().get(f.epochs().size() - 1).metric(metric))
                    .toList();
            TrialProvenance p = new TrialProvenance(
                    trial.seed(),
                    folds.stream().map(UnitTrainer::foldSeed).toList(),
                    trial.startedAt(),
                    Instant.now(),
                    backend.ompThreads(),
                    parallel,
                    backend.nativeBuild());
            return new TrialScorer.Score(ScoreSummary.of(finals), json.write(p));
        };
    }

    private static TrialProvenance.FoldSeed foldSeed(FoldRunRow f) {
        return new TrialProvenance.FoldSeed(f.fold(), f.seed(), f.startedAt(), f.finishedAt());
    }

    private UnitOutcome refit(Claim claim, ServedExperiments.Ready experiment) {
        ExperimentSpec spec = experiment.spec().spec();
        Optional<TrialRow> best = Ranking.best(store, claim.experimentId());
        RefitStep step = new RefitStep(store, spec, experiment.row(), experiment.data());
        if (best.isEmpty()) {
            return store.queue()
                    .finishRefit(
                            claim,
                            new Refit(
                                    0,
                                    new UnitTraining(spec, experiment.row()).refitSeed(0),
                                    RunStatus.FAILED,
                                    "no trial finished with a finite score",
                                    0,
                                    null,
                                    null,
                                    0),
                            null);
        }
        TrialRow trial = best.get();
        long start = System.nanoTime();
        long seed = step.seed(trial);
        try (TrainedModel model = step.train(trial, experiment.data().refit(), listener)) {
            EpochMetrics last = model.result().last();
            Refit done = new Refit(
                    trial.index(),
                    seed,
                    RunStatus.DONE,
                    null,
                    model.result().epochs().size(),
                    last.valLoss(),
                    last.valAccuracy(),
                    seconds(start));
            step.saveTestDiagnosis(trial, model);
            return store.queue().finishRefit(claim, done, model.zipBytes());
        } catch (LostClaimException e) {
            throw e;
        } catch (RuntimeException e) { // training is deterministic: another attempt would fail the same way
            Refit failed = new Refit(
                    trial.index(),
                    seed,
                    RunStatus.FAILED,
                    String.valueOf(e.getMessage()),
                    0,
                    null,
                    null,
                    seconds(start));
            return store.queue().finishRefit(claim, failed, null);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The unit's finisher also stamps the experiment's provenance finished when it ended the experiment. */
    private void finished(UnitOutcome outcome, ServedExperiments.Ready experiment) {
        if (outcome.experimentFinished()) {
            long id = experiment.row().id();
            var stored = json.run(store.experiments().byId(id).orElseThrow().provenanceJson());
            if (stored != null) {
                store.experiments().setProvenance(id, json.write(stored.finished()));
            }
        }
    }
}
