package dev.workbench.train;

import dev.workbench.spec.ModelSpec;
import dev.workbench.spec.TrainingSpec;
import java.util.Map;
import java.util.Objects;

/**
 * One unit of training: a model template and training settings, the candidate's parameter values
 * that resolve their {@code ${name}} references, the unit's seed (weights, dropout and the per-epoch
 * shuffles all derive from it) and the data.
 *
 * @param validation rows scored after every epoch, or {@code null} (e.g. a refit on all training data),
 *                   in which case every validation metric is NaN and early stopping never triggers
 * @param inferenceBatch rows per forward pass when the network is scored; it changes the last bits of the
 *                   outputs, so it is the experiment's stored value
 * @param kernels    which code computes the training arithmetic, the experiment's stored value (it changes
 *                   the last bits of every number): 1, DL4J's layers and helpers throughout (experiments
 *                   stored before 2 existed); 2, the same but for the first convolution's backward pass,
 *                   {@link InputConvolutionHelper}
 */
public record TrainRequest(
        ModelSpec model,
        TrainingSpec training,
        Map<String, Double> params,
        long seed,
        ArrayData train,
        ArrayData validation,
        int inferenceBatch,
        int kernels) {

    /**
     * Rows per forward pass when new experiments' networks are scored: 256 made an 8-trial grid run 8–9%
     * faster than 1,024, the batch of experiments stored before it, whose activations outgrow the caches.
     */
    public static final int INFERENCE_BATCH = 256;

    /** The kernels new experiments train with: the newest this build has. */
    public static final int KERNELS = 2;

    public TrainRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        params = Map.copyOf(params);
        Objects.requireNonNull(train, "train");
        if (train.count() == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        if (validation != null
                && (validation.rowSize() != train.rowSize() || validation.numClasses() != train.numClasses())) {
            throw new IllegalArgumentException(
                    "validation data " + validation + " does not match training data " + train);
        }
        if (inferenceBatch < 1) {
            throw new IllegalArgumentException("inference batch must be at least 1, got " + inferenceBatch);
        }
        if (kernels < 1 || kernels > KERNELS) {
            throw new IllegalArgumentException("kernels must be 1 to " + KERNELS + " in this build, got " + kernels
                    + " (stored by a newer build?)");
        }
    }

    /** A request as new experiments make them: {@link #INFERENCE_BATCH} rows per forward pass, {@link #KERNELS}. */
    public TrainRequest(
            ModelSpec model,
            TrainingSpec training,
            Map<String, Double> params,
            long seed,
            ArrayData train,
            ArrayData validation) {
        this(model, training, params, seed, train, validation, INFERENCE_BATCH, KERNELS);
    }

    /** A request without validation rows. */
    public static TrainRequest withoutValidation(
            ModelSpec model, TrainingSpec training, Map<String, Double> params, long seed, ArrayData train) {
        return new TrainRequest(model, training, params, seed, train, null);
    }
}
