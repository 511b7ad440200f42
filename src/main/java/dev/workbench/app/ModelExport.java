package dev.workbench.app;

import dev.workbench.UserInputException;
import dev.workbench.export.ExportTarget;
import dev.workbench.export.Manifest;
import dev.workbench.export.ModelExporter;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.train.TrainedModel;
import java.nio.file.Path;

/**
 * Exports one model of a stored experiment: by default the best trial's refit on all training data
 * (the stored one, or trained now from its seed when the run stored none), or a trial's refit, or one
 * fold's model trained again from its stored seed. Picks the trial and the target folder here, gets the model
 * from {@link ExportModel}, drafts the manifest with {@link ManifestDraft}, writes both with
 * {@link ModelExporter} (which reloads and checks the model) and records the export.
 */
final class ModelExport {

    private final Store store;
    private final StoredExperiment experiment;
    private final RunListener listener;

    ModelExport(Store store, StoredExperiment experiment, RunListener listener) {
        this.store = store;
        this.experiment = experiment;
        this.listener = listener;
    }

    ExportOutcome export(ExportRequest request, Path modelsDir) {
        ExperimentRow row = experiment.row();
        TrialRow trial = request.trial() == null ? best() : experiment.trial(store, request.trial());
        if (trial.status() != RunStatus.DONE) {
            throw new UserInputException("trial " + trial.index() + " of '" + row.name() + "' is "
                    + trial.status().value() + (trial.error() == null ? "" : " (" + trial.error() + ")")
                    + "; only finished trials can be exported");
        }
        Path dir = request.out() != null
                ? request.out()
                : modelsDir
                        .resolve(row.name())
                        .resolve("trial-" + trial.index()
                                + (request.fold() == null ? "-refit" : "-fold-" + request.fold()));
        ExportTarget target = ExportTarget.check(dir, request.force());
        ExportModel models = new ExportModel(store, experiment, listener);
        ExportModel.Built built = request.fold() == null ? models.refit(trial) : models.fold(trial, request.fold());
        try (TrainedModel model = built.model()) {
            Manifest manifest = new ModelExporter(Json.mapper())
                    .export(model, built.test(), new ManifestDraft(experiment).draft(trial, built), target);
            long exportId = store.exports()
                    .record(
                            row.id(),
                            trial.index(),
                            request.fold(),
                            dir.toAbsolutePath().normalize().toString(),
                            manifest.model().sha256(),
                            manifest.test().accuracy());
            new TestGallery(store, experiment.data())
                    .save(row.id(), exportId, trial.index(), request.fold(), model.diagnose(built.test()));
            return new ExportOutcome(dir, manifest, built.refitted());
        }
    }

    private TrialRow best() {
        return Ranking.best(store, experiment.row().id())
                .orElseThrow(() -> new UserInputException(
                        "experiment '" + experiment.row().name() + "' has no finished trial to export"));
    }
}
