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
 */
public record TrainRequest(
        ModelSpec model,
        TrainingSpec training,
        Map<String, Double> params,
        long seed,
        ArrayData train,
        ArrayData validation) {

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
    }

    /** A request without validation rows. */
    public static TrainRequest withoutValidation(
            ModelSpec model, TrainingSpec training, Map<String, Double> params, long seed, ArrayData train) {
        return new TrainRequest(model, training, params, seed, train, null);
    }
}
