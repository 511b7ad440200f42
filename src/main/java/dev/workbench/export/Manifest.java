package dev.workbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.ShownScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code manifest.json}, written beside every exported {@code model.zip}: what the model is, how it
 * was made, how good it is, and what {@code workbench predict} needs to feed it (input shape and
 * normalisation).
 *
 * @param format       manifest layout version, {@value #FORMAT}
 * @param model        which model this is and its file
 * @param params       the trial's hyperparameter values
 * @param seeds        experiment, trial and model seeds
 * @param spec         the experiment spec (canonical JSON)
 * @param input        image shape and class count the network takes
 * @param normalization how raw 0–255 pixels become inputs
 * @param scores       cross-validated score of the trial and, for a fold model, that fold's stored curve
 * @param test         the exported model's result on the test set
 * @param reloadCheck  the check that the written zip reloads to the same outputs
 * @param provenance   the stored provenance of the run that produced the trial ({@code RunProvenance}),
 *                     of the trial ({@code TrialProvenance}), and of this export
 */
public record Manifest(
        int format,
        ModelInfo model,
        Map<String, Number> params,
        Seeds seeds,
        JsonNode spec,
        Input input,
        NormalizationStats normalization,
        Scores scores,
        TestResult test,
        ReloadCheck reloadCheck,
        Provenance provenance) {

    /** The layout version written by this workbench. */
    public static final int FORMAT = 1;
    /** File name of the model beside the manifest. */
    public static final String MODEL_FILE = "model.zip";
    /** File name of the manifest. */
    public static final String FILE = "manifest.json";

    public Manifest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(normalization, "normalization");
        params = Map.copyOf(params);
    }

    /** This manifest with the written zip's hash, the model's test result and the reload check filled in. */
    Manifest completed(String sha256, TestResult testResult, ReloadCheck check) {
        ModelInfo m = new ModelInfo(
                model.experimentId(),
                model.experiment(),
                model.kind(),
                model.trialIndex(),
                model.fold(),
                model.epochs(),
                model.parameters(),
                MODEL_FILE,
                sha256,
                model.matchesStoredRun(),
                model.inferenceBatch());
        return new Manifest(
                format, m, params, seeds, spec, input, normalization, scores, testResult, check, provenance);
    }

    /**
     * Which model was exported.
     *
     * @param kind     {@code refit} (best or chosen trial retrained on all training data) or {@code fold}
     * @param fold     the cross-validation fold, or null for a refit
     * @param epochs   epochs it was trained
     * @param file     the model zip, relative to the manifest
     * @param sha256   SHA-256 of the model zip
     * @param matchesStoredRun whether the (re)trained model's metrics equal the stored ones bit for bit;
     *                 null when the model was not trained again (a stored refit)
     * @param inferenceBatch rows per forward pass its experiment scored with (the last bits of the outputs
     *                 depend on it; {@code predict} uses it too); null in manifests written before it, which
     *                 scored {@value #LEGACY_INFERENCE_BATCH}
     */
    public record ModelInfo(
            long experimentId,
            String experiment,
            String kind,
            int trialIndex,
            Integer fold,
            int epochs,
            long parameters,
            String file,
            String sha256,
            Boolean matchesStoredRun,
            Integer inferenceBatch) {

        /** Rows per forward pass of manifests without {@code inferenceBatch}. */
        public static final int LEGACY_INFERENCE_BATCH = 1024;

        /** The rows per forward pass to score with. */
        public int inferenceBatchOrLegacy() {
            return inferenceBatch == null ? LEGACY_INFERENCE_BATCH : inferenceBatch;
        }
    }

    /** Experiment seed, the trial seed derived from it, and the seed the model was trained with. */
    public record Seeds(long experiment, long trial, long model) {}

    /** Input image height, width and channels, and the number of output classes. */
    public record Input(int height, int width, int channels, int classes) {}

    /**
     * {@code input = (pixel / 255 - means[p]) / std}.
     *
     * @param mode  {@code scale} or {@code standardize}
     * @param means per-pixel means in [0, 1] units, row-major; empty (all zero) for {@code scale}
     * @param std   global standard deviation; 1 for {@code scale}
     */
    public record NormalizationStats(String mode, List<Float> means, float std) {
        public NormalizationStats {
            means = List.copyOf(means);
        }
    }

    /**
     * @param metric  the objective, e.g. {@code val_accuracy}
     * @param cv      the trial's mean over folds with its 95% confidence interval as shown (clipped to the
     *                metric's range; none for fewer than 3 folds), as in {@code show --json}
     * @param foldEpochs for a fold model, the stored per-epoch metrics of that fold; empty for a refit
     */
    public record Scores(String metric, String goal, ShownScore cv, List<EpochMetrics> foldEpochs) {
        public Scores {
            foldEpochs = List.copyOf(foldEpochs);
        }
    }

    /** Loss and accuracy of the exported model on the test set. */
    public record TestResult(double loss, double accuracy, int count) {}

    /** The stored run and trial provenance, and when and with what this export was made. */
    public record Provenance(JsonNode run, JsonNode trial, JsonNode export, Instant exportedAt) {}
}
