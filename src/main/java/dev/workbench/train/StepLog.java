package dev.workbench.train;

import dev.workbench.metrics.StepMetrics;
import java.util.function.Supplier;

/**
 * Turns fitted batches into {@link StepMetrics}: every {@code every} batches of an epoch, and after its last
 * batch, a step with the mean training loss and accuracy over the batches since the previous step. The
 * epoch's last step is held back until the epoch's validation is known ({@link #closeEpoch}). It only counts
 * and reads sums that {@link FittedBatchMetrics} keeps anyway; the optional within-epoch validation runs the
 * network in inference mode, which draws no random numbers; so it changes nothing in training.
 */
final class StepLog {

    /** Steps per epoch that the default {@code log_every} aims at. */
    static final int DEFAULT_STEPS_PER_EPOCH = 20;

    private final int every;
    private final int validateEvery;
    private final Supplier<Evaluation> sample;
    private final EpochListener listener;
    private long iteration;
    private long images;
    private StepMetrics pending;

    /**
     * {@code every} 0 logs no steps; every {@code validateEvery} batches within an epoch (0: never) a step is
     * logged with {@code sample}'s loss and accuracy as its validation.
     */
    StepLog(int every, int validateEvery, Supplier<Evaluation> sample, EpochListener listener) {
        if (every < 0 || validateEvery < 0) {
            throw new IllegalArgumentException(
                    "log_every and validate_every must be >= 0, got " + every + ", " + validateEvery);
        }
        this.every = every;
        this.validateEvery = sample == null ? 0 : validateEvery;
        this.sample = sample;
        this.listener = listener;
    }

    /** A log that records nothing, for callers that only need the fitted epoch. */
    static StepLog off() {
        return new StepLog(0, 0, null, EpochListener.NONE);
    }

    /**
     * The batches between steps: {@code configured} when given, otherwise enough to log about
     * {@value #DEFAULT_STEPS_PER_EPOCH} steps per epoch of {@code batchesPerEpoch} batches.
     */
    static int every(Integer configured, int batchesPerEpoch) {
        return configured != null
                ? configured
                : Math.max(1, (int) Math.round(batchesPerEpoch / (double) DEFAULT_STEPS_PER_EPOCH));
    }

    /** Continues the counts of a unit resumed after {@code epochs} whole epochs of {@code rows} rows in batches of {@code batch}. */
    void resumeAfter(int epochs, int rows, int batch) {
        iteration = (long) epochs * ((rows + batch - 1) / batch);
        images = (long) epochs * rows;
    }

    /** Called after each fitted batch: batch {@code batch} (from 1) of {@code batches} in the epoch, of {@code rows} rows. */
    void afterBatch(int epoch, int batch, int batches, int rows, FittedBatchMetrics fitted) {
        iteration++;
        images += rows;
        boolean validate = validateEvery > 0 && batch % validateEvery == 0 && batch != batches;
        boolean logged = every > 0 && batch % every == 0;
        boolean epochEnd = batch == batches && (every > 0 || validateEvery > 0);
        if (!validate && !logged && !epochEnd) {
            return;
        }
        Evaluation window = fitted.window();
        StepMetrics step = new StepMetrics(
                epoch, batch, iteration, images, window.loss(), window.accuracy(), Double.NaN, Double.NaN);
        if (batch == batches) {
            pending = step;
        } else if (validate) {
            Evaluation measured = sample.get();
            listener.onStep(step.withValidation(measured.loss(), measured.accuracy()));
        } else {
            listener.onStep(step);
        }
    }

    /** Emits the epoch's last step with the epoch's validation loss and accuracy (NaN when there are none). */
    void closeEpoch(double valLoss, double valAccuracy) {
        if (pending != null) {
            listener.onStep(pending.withValidation(valLoss, valAccuracy));
            pending = null;
        }
    }
}
