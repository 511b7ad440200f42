package dev.workbench.app;

import dev.workbench.UserInputException;
import dev.workbench.data.Normalization;
import dev.workbench.data.Normalizer;
import dev.workbench.export.ExportTarget;
import dev.workbench.export.Manifest;
import dev.workbench.export.ModelExporter;
import dev.workbench.metrics.CurveComparison;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.ShownScore;
import dev.workbench.provenance.Seeds;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.Refit;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.train.ArrayData;
import dev.workbench.train.Evaluation;
import dev.workbench.train.FoldTrainer;
import dev.workbench.train.TrainRequest;
import dev.workbench.train.TrainedModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exports one model of a stored experiment: by default the best trial's refit on all training data
 * (the stored one, or trained now from its seed when the run stored none), or a trial's refit, or one
 * fold's model trained again from its stored seed. The model is written with its manifest by
 * {@link ModelExporter}, which reloads and checks it, and the export is recorded.
 */
final class ModelExport {

    private final Store store;
    private final StoredExperiment experiment;
    private final RunListener listener;
    private final ProvenanceJson json = new ProvenanceJson();

    ModelExport(Store store, StoredExperiment experiment, RunListener listener) {
        this.store = store;
        this.experiment = experiment;
        this.listener = listener;
    }

    ExportOutcome export(ExportRequest request, Path modelsDir) {
        ExperimentRow row = experiment.row();
        TrialRow trial = request.trial() == null ? best() : experiment.trial(store, request.trial());
        if (trial.status() != RunStatus.DONE) {
            throw new UserInputException("trial " + trial.index() + " of '" + row.name() + "' is " + trial.status().value()
                    + (trial.error() == null ? "" : " (" + trial.error() + ")") + "; only finished trials can be exported");
        }
        Path dir = request.out() != null ? request.out() : modelsDir.resolve(row.name())
                .resolve("trial-" + trial.index() + (request.fold() == null ? "-refit" : "-fold-" + request.fold()));
        ExportTarget target = ExportTarget.check(dir, request.force());
        Built built = request.fold() == null ? refit(trial) : fold(trial, request.fold());
        try (TrainedModel model = built.model()) {
            Manifest manifest = new ModelExporter(Json.mapper()).export(model, built.test(), draft(trial, built), target);
            long exportId = store.exports().record(row.id(), trial.index(), request.fold(),
                    dir.toAbsolutePath().normalize().toString(), manifest.model().sha256(), manifest.test().accuracy());
            new TestGallery(store, experiment.data()).save(row.id(), exportId, trial.index(), request.fold(),
                    model.diagnose(built.test()));
            return new ExportOutcome(dir, manifest, built.refitted());
        }
    }

    private TrialRow best() {
        return Ranking.best(store, experiment.row().id()).orElseThrow(() -> new UserInputException(
                "experiment '" + experiment.row().name() + "' has no finished trial to export"));
    }

    /** A model ready to export, the data it is checked on, and how it relates to the stored run. */
    private record Built(TrainedModel model, ArrayData test, Normalizer normalizer, long seed, int epochs,
                         List<EpochMetrics> foldEpochs, Integer fold, Boolean matchesStoredRun, boolean refitted) {}

    private Built refit(TrialRow trial) {
        long id = experiment.row().id();
        PreparedData.Split split = experiment.data().refit();
        Optional<Refit> stored = store.refits().find(id).map(r -> r.refit())
                .filter(r -> r.status() == RunStatus.DONE && r.trialIndex() == trial.index());
        Optional<byte[]> zip = stored.isPresent() ? store.refits().model(id) : Optional.empty();
        long seed = Seeds.refit(experiment.spec().spec().seed(), trial.index());
        if (zip.isPresent()) {
            TrainedModel model = TrainedModel.load(zip.get(), "stored refit model of '" + experiment.row().name() + "'");
            Evaluation test = model.evaluate(split.validation());
            boolean same = sameTestResult(stored.get(), test.loss(), test.accuracy());
            if (!same) {
                listener.warning("the stored refit model now scores test accuracy " + test.accuracy() + ", not the stored "
                        + stored.get().testAccuracy() + " (different native build or thread count?)");
            }
            return new Built(model, split.validation(), split.normalizer(), seed, stored.get().epochs(), List.of(), null,
                    same, false);
        }
        return refitNow(trial, split, stored, seed);
    }

    /** Trains the refit from its seed; stores it as the experiment's refit when it is that (or there is none yet). */
    private Built refitNow(TrialRow trial, PreparedData.Split split, Optional<Refit> stored, long seed) {
        long id = experiment.row().id();
        listener.warning("refitting trial " + trial.index() + " on all training data now (the run stored no refit model)");
        RefitStep step = new RefitStep(store, experiment.spec().spec(), id, experiment.data());
        listener.started(experiment.row().name() + " trial " + trial.index() + " refit", false, 1, 0, step.epochs(trial));
        long start = System.nanoTime();
        TrainedModel model = step.train(trial, split, listener);
        EpochMetrics last = model.result().last();
        Boolean matches = stored.map(r -> sameTestResult(r, last.valLoss(), last.valAccuracy())).orElse(null);
        boolean experimentsRefit = store.refits().find(id).map(r -> r.refit().trialIndex() == trial.index())
                .orElse(isBest(trial));
        if (Boolean.FALSE.equals(matches)) {
            listener.warning("the refit trained now scores test loss " + last.valLoss() + ", accuracy " + last.valAccuracy()
                    + "; the stored refit scored " + stored.get().testLoss() + ", " + stored.get().testAccuracy());
        } else if (experimentsRefit) {
            step.store(trial, model, (System.nanoTime() - start) / 1e9);
        }
        return new Built(model, split.validation(), split.normalizer(), seed, model.result().epochs().size(), List.of(),
                null, matches, true);
    }

    private boolean isBest(TrialRow trial) {
        return Ranking.best(store, experiment.row().id()).filter(t -> t.id() == trial.id()).isPresent();
    }

    private static boolean sameTestResult(Refit stored, double loss, double accuracy) {
        return stored.testLoss() != null && stored.testAccuracy() != null
                && Double.doubleToLongBits(stored.testLoss()) == Double.doubleToLongBits(loss)
                && Double.doubleToLongBits(stored.testAccuracy()) == Double.doubleToLongBits(accuracy);
    }

    private Built fold(TrialRow trial, int fold) {
        FoldRunRow stored = store.foldRuns().byTrial(trial.id()).stream()
                .filter(f -> f.fold() == fold && f.status() == RunStatus.DONE).findFirst()
                .orElseThrow(() -> new UserInputException("trial " + trial.index() + " has no finished fold " + fold
                        + " (folds are numbered from 0)"));
        ExperimentSpec spec = experiment.spec().spec();
        PreparedData.Split split = experiment.data().fold(fold);
        List<EpochMetrics> epochs = new ArrayList<>();
        listener.started(experiment.row().name() + " trial " + trial.index() + " fold " + fold, false, 1, 0,
                stored.epochs().size());
        TrainedModel model = new FoldTrainer().trainModel(new TrainRequest(spec.model(), spec.training(), trial.params(),
                stored.seed(), split.train(), split.validation()), m -> {
                    epochs.add(m);
                    listener.epoch(trial.index(), fold, m);
                });
        var difference = CurveComparison.firstDifference(fold, stored.epochs(), epochs);
        difference.ifPresent(d -> listener.warning("the fold model trained now differs from the stored run: " + d.describe()));
        return new Built(model, experiment.data().test(split.normalizer()), split.normalizer(), stored.seed(),
                epochs.size(), stored.epochs(), fold, difference.isEmpty(), true);
    }

    private Manifest draft(TrialRow trial, Built built) {
        ExperimentRow row = experiment.row();
        ExperimentSpec spec = experiment.spec().spec();
        var in = spec.model().input();
        List<Float> means = new ArrayList<>();
        if (built.normalizer().mode() != Normalization.SCALE) {
            for (float m : built.normalizer().means()) {
                means.add(m);
            }
        }
        return new Manifest(Manifest.FORMAT,
                new Manifest.ModelInfo(row.id(), row.name(), built.fold() == null ? "refit" : "fold", trial.index(),
                        built.fold(), built.epochs(), built.model().numParams(), Manifest.MODEL_FILE, null,
                        built.matchesStoredRun()),
                ExperimentReport.numbers(trial.params()),
                new Manifest.Seeds(row.seed(), trial.seed(), built.seed()),
                json.tree(row.specJson()),
                new Manifest.Input(in.height(), in.width(), in.channels(), experiment.data().classes()),
                new Manifest.NormalizationStats(built.normalizer().mode().specName(), means, built.normalizer().std()),
                new Manifest.Scores(row.metric(), row.goal(), ShownScore.of(trial.score(), row.metric()), built.foldEpochs()),
                null, null,
                new Manifest.Provenance(json.tree(row.provenanceJson()), json.tree(trial.provenanceJson()),
                        json.tree(experiment.now()), Instant.now()));
    }
}
