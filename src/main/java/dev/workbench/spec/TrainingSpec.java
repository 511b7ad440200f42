package dev.workbench.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How each (trial, fold) unit is trained.
 *
 * @param optimizer     sgd, adam, nesterovs or rmsprop
 * @param learningRate  initial learning rate
 * @param momentum      nesterovs momentum (default 0.9), ignored by other optimizers
 * @param lrDecay       optional exponential decay of the learning rate, per epoch
 * @param batchSize     minibatch size
 * @param epochs        maximum number of epochs
 * @param earlyStopping optional stop when a validation metric stops improving
 * @param logEvery      batches between logged training steps; 0 logs none; null (the default) logs about
 *                      20 steps per epoch
 * @param validateEvery batches between measurements of a fixed, seeded sample of the validation rows within
 *                      an epoch (also logged as steps); null or 0 (the default): validation at epoch ends only
 * @param validationSample rows in that sample (default 1000, or every validation row when fewer)
 */
public record TrainingSpec(
        Optimizer optimizer,
        Num learningRate,
        Num momentum,
        LrDecay lrDecay,
        Num batchSize,
        Num epochs,
        EarlyStopping earlyStopping,
        Integer logEvery,
        Integer validateEvery,
        Integer validationSample) {

    /** Validation rows measured within an epoch unless {@code validation_sample} says otherwise. */
    public static final int DEFAULT_VALIDATION_SAMPLE = 1000;

    @JsonCreator
    public TrainingSpec {
        momentum = momentum == null ? Num.of(0.9) : momentum;
    }

    /** Settings with the default step logging. */
    public TrainingSpec(
            Optimizer optimizer,
            Num learningRate,
            Num momentum,
            LrDecay lrDecay,
            Num batchSize,
            Num epochs,
            EarlyStopping earlyStopping) {
        this(optimizer, learningRate, momentum, lrDecay, batchSize, epochs, earlyStopping, null, null, null);
    }

    /** The same settings with {@code epochs} fixed and no early stopping (a refit has nothing to stop on). */
    public TrainingSpec fixedEpochs(int count) {
        return new TrainingSpec(
                optimizer,
                learningRate,
                momentum,
                lrDecay,
                batchSize,
                Num.of(count),
                null,
                logEvery,
                validateEvery,
                validationSample);
    }

    /** The same settings logging a step every {@code batches} batches (0: none). */
    public TrainingSpec withLogEvery(int batches) {
        return new TrainingSpec(
                optimizer,
                learningRate,
                momentum,
                lrDecay,
                batchSize,
                epochs,
                earlyStopping,
                batches,
                validateEvery,
                validationSample);
    }

    /** The same settings measuring {@code rows} sampled validation rows every {@code batches} batches (0: never). */
    public TrainingSpec withValidateEvery(int batches, int rows) {
        return new TrainingSpec(
                optimizer, learningRate, momentum, lrDecay, batchSize, epochs, earlyStopping, logEvery, batches, rows);
    }

    /** The rows of the within-epoch validation sample. */
    public int sampleRows() {
        return validationSample == null ? DEFAULT_VALIDATION_SAMPLE : validationSample;
    }

    /** Optimizers the workbench can build. */
    public enum Optimizer {
        SGD,
        ADAM,
        NESTEROVS,
        RMSPROP
    }

    /**
     * Exponential decay from the initial learning rate to {@code to} over {@code overEpochs} epochs:
     * epoch e (0-based) uses lr * (to/lr)^(min(e, overEpochs)/overEpochs).
     */
    public record LrDecay(Num to, Num overEpochs) {}

    /**
     * Stops training when {@code metric} (val_loss or val_accuracy) has not improved by more than
     * {@code minDelta} for {@code patience} epochs.
     */
    public record EarlyStopping(String metric, Integer patience, Double minDelta) {
        public EarlyStopping {
            metric = metric == null ? "val_loss" : metric;
            minDelta = minDelta == null ? Double.valueOf(0.0) : minDelta;
        }
    }
}
