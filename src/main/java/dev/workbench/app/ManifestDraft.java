package dev.workbench.app;

import dev.workbench.data.Normalization;
import dev.workbench.export.Manifest;
import dev.workbench.metrics.ShownScore;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.TrialRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Drafts the manifest of an export from the stored experiment, the trial and the model to write. */
final class ManifestDraft {

    private final StoredExperiment experiment;
    private final ProvenanceJson json = new ProvenanceJson();

    ManifestDraft(StoredExperiment experiment) {
        this.experiment = experiment;
    }

    Manifest draft(TrialRow trial, ExportModel.Built built) {
        ExperimentRow row = experiment.row();
        ExperimentSpec spec = experiment.spec().spec();
        var in = spec.model().input();
        List<Float> means = new ArrayList<>();
        if (built.normalizer().mode() != Normalization.SCALE) {
            for (float m : built.normalizer().means()) {
                means.add(m);
            }
        }
        return new Manifest(
                Manifest.FORMAT,
                new Manifest.ModelInfo(
                        row.id(),
                        row.name(),
                        built.fold() == null ? "refit" : "fold",
                        trial.index(),
                        built.fold(),
                        built.epochs(),
                        built.model().numParams(),
                        Manifest.MODEL_FILE,
                        null,
                        built.matchesStoredRun(),
                        built.model().inferenceBatch()),
                ExperimentReport.numbers(trial.params()),
                new Manifest.Seeds(row.seed(), trial.seed(), built.seed()),
                json.tree(row.specJson()),
                new Manifest.Input(
                        in.height(),
                        in.width(),
                        in.channels(),
                        experiment.data().classes()),
                new Manifest.NormalizationStats(
                        built.normalizer().mode().specName(),
                        means,
                        built.normalizer().std()),
                new Manifest.Scores(
                        row.metric(), row.goal(), ShownScore.of(trial.score(), row.metric()), built.foldEpochs()),
                null,
                null,
                new Manifest.Provenance(
                        json.tree(row.provenanceJson()),
                        json.tree(trial.provenanceJson()),
                        json.tree(experiment.now()),
                        Instant.now()));
    }
}
