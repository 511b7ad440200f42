package dev.workbench.app;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.app.TrialLines.TrialLine;
import dev.workbench.export.Manifest;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.ExportRow;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trial page's data: the trial, every fold with its (downsampled) epochs, provenance, the last
 * reproduction and the exported models.
 */
public final class TrialView {

    /**
     * @param provenance sections of key/value provenance, by name ({@code experiment}: the run's
     *                   environment); rendered generically, so new sections need no page changes
     */
    public record Page(
            ExperimentRef experiment,
            TrialLine trial,
            List<Fold> folds,
            Map<String, JsonNode> provenance,
            Reproduction reproduction,
            List<Download> exports,
            TrainingPanels.Panels training) {}

    /**
     * The trial's last {@code workbench reproduce}.
     *
     * @param fold null when every fold was re-run
     */
    public record Reproduction(String outcome, String detail, Integer fold, int parallel, Instant verifiedAt) {}

    /**
     * An exported model of this trial, newest first, with the links that download its files.
     *
     * @param fold null for the refit on all training data
     */
    public record Download(
            long id,
            Integer fold,
            String folder,
            String zipSha256,
            Double testAccuracy,
            Instant exportedAt,
            String modelUrl,
            String manifestUrl) {}

    /** The experiment a trial belongs to. */
    public record ExperimentRef(long id, String name, String metric, String goal, String status) {}

    /**
     * One fold run; its seed is a string, like every seed the API writes.
     *
     * @param epochsTotal epochs recorded; {@code epochs} holds at most the requested number of them
     * @param trainedBy   the unit's attempt and the worker (host:pid), backend and native build that ran it
     */
    public record Fold(
            int fold,
            @JsonFormat(shape = JsonFormat.Shape.STRING) long seed,
            String status,
            String error,
            Instant startedAt,
            Instant finishedAt,
            int epochsTotal,
            List<EpochMetrics> epochs,
            FoldRunRow.TrainedBy trainedBy) {}

    private TrialView() {}

    static Page of(Store store, long trialId, int points, ObjectMapper json) {
        TrialRow t =
                store.trials().byId(trialId).orElseThrow(() -> new NotFoundException("no trial with id " + trialId));
        ExperimentRow e = ExperimentView.experiment(store, t.experimentId());
        TrialLine line = TrialLines.of(store, e, List.of(trialId)).get(0);
        List<FoldRunRow> runs = store.foldRuns().byTrial(trialId);
        List<Fold> folds = runs.stream().map(f -> fold(f, points)).toList();
        Map<String, JsonNode> provenance = new LinkedHashMap<>();
        if (e.provenanceJson() != null) {
            provenance.put("experiment", ExperimentView.parse(json, e.provenanceJson()));
        }
        if (t.provenanceJson() != null) {
            provenance.put("trial", ExperimentView.parse(json, t.provenanceJson()));
        }
        Reproduction reproduction = store.reproductions()
                .latest(trialId)
                .map(r -> new Reproduction(r.outcome(), r.detail(), r.fold(), r.parallel(), r.verifiedAt()))
                .orElse(null);
        List<Download> exports = store.exports().byExperiment(e.id()).stream()
                .filter(x -> x.trialIndex() == t.index())
                .map(TrialView::download)
                .toList();
        return new Page(
                ref(e),
                line,
                folds,
                provenance,
                reproduction,
                exports,
                TrainingPanels.of(store, e.id(), t.index(), runs, line.weightsWarning(), points));
    }

    private static Download download(ExportRow x) {
        String base = "/api/exports/" + x.id() + "/";
        return new Download(
                x.id(),
                x.fold(),
                folderName(x.directory()),
                x.zipSha256(),
                x.testAccuracy(),
                x.exportedAt(),
                base + Manifest.MODEL_FILE,
                base + Manifest.FILE);
    }

    /** The export folder's own name ({@code trial-3-refit}): the API never shows absolute file-system paths. */
    private static String folderName(String directory) {
        java.nio.file.Path name = java.nio.file.Path.of(directory).getFileName();
        return name == null ? "" : name.toString();
    }

    static ExperimentRef ref(ExperimentRow e) {
        return new ExperimentRef(
                e.id(), e.name(), e.metric(), e.goal(), e.status().value());
    }

    private static Fold fold(FoldRunRow f, int points) {
        List<EpochMetrics> kept = Downsample.stride(f.epochs().size(), points).stream()
                .map(f.epochs()::get)
                .toList();
        return new Fold(
                f.fold(),
                f.seed(),
                f.status().value(),
                f.error(),
                f.startedAt(),
                f.finishedAt(),
                f.epochs().size(),
                kept,
                f.trainedBy());
    }
}
