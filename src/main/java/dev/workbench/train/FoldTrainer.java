package dev.workbench.train;

import dev.workbench.metrics.Diagnosis;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.spec.LayerSpec;
import dev.workbench.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Trains one (trial, fold) unit and reports each epoch's metrics as it ends.
 *
 * <p>Everything runs on the calling thread: ND4J's random generator is per thread, so building,
 * initialising and fitting on one thread is what makes a seed reproduce bit for bit (given the same
 * {@code OMP_NUM_THREADS} and native build). Units may run concurrently on different threads. Each
 * epoch visits the training rows in a seeded shuffled order, in minibatches of {@code batch_size}
 * (the last one smaller). Training loss and accuracy are accumulated over those minibatches as they
 * are fitted ({@link FittedBatchMetrics}); validation rows are scored after the epoch in inference mode
 * (validation metrics are NaN when the request has no validation rows). When a unit ends, the calling
 * thread's ND4J workspaces are destroyed so pooled threads do not keep memory.
 *
 * <p>Besides epochs, the listener hears steps within epochs ({@link StepLog}), the spread of the weights
 * before training and after each epoch ({@link WeightSpreadMeter}) and the validation confusion matrix at
 * the last epoch; none of these draws random numbers or changes the network, so the trained numbers are
 * the same whatever is recorded.
 */
public final class FoldTrainer {

    /** Makes the validation sample's seed differ from the unit's shuffles. */
    private static final long SAMPLE_SALT = 0x5A4D504C45L;

    private final NetworkFactory factory = new NetworkFactory();

    /**
     * Trains a unit and frees its network.
     *
     * @throws TrainingException when the training loss becomes NaN or infinite
     */
    public FoldResult train(TrainRequest request, EpochListener listener) {
        try (TrainedModel model = trainModel(request, listener)) {
            return model.result();
        }
    }

    /**
     * Trains one segment of a unit (resuming from its checkpoint) and frees its network; the result holds
     * the checkpoint to continue from when the segment paused before the unit's last epoch. The epochs are
     * bit for bit those of an unpaused run of the unit.
     */
    public SegmentResult trainSegment(TrainRequest request, Segment segment, EpochListener listener) {
        try (TrainedModel model = trainModel(request, segment, listener)) {
            int reached = segment.fromEpoch() + model.result().epochs().size();
            boolean paused = !model.result().stoppedEarly()
                    && reached < request.training().epochs().resolveInt(request.params());
            return new SegmentResult(model.result(), paused ? model.checkpoint(reached) : null);
        }
    }

    /** Trains a unit and keeps its network for scoring or export; the caller must close it. */
    public TrainedModel trainModel(TrainRequest request, EpochListener listener) {
        return trainModel(request, Segment.whole(), listener);
    }

    private TrainedModel trainModel(TrainRequest request, Segment segment, EpochListener listener) {
        requireCompatible(request);
        MultiLayerNetwork net = segment.resume() != null
                ? segment.resume().restore()
                : factory.network(request.model(), request.training(), request.params(), request.seed());
        useKernels(net, request.kernels());
        ArrayData validationRows = request.validation();
        try (LabelledArrays train = LabelledArrays.of(request.train());
                LabelledArrays validation = hasRows(validationRows) ? LabelledArrays.of(validationRows) : null) {
            return new TrainedModel(
                    net, fit(net, request, segment, train, validation, listener), request.inferenceBatch());
        } catch (RuntimeException | Error e) {
            NetworkRelease.release(net);
            throw e;
        } finally {
            NetworkRelease.freeWorkspaces();
        }
    }

    /** Sets up {@code net}'s layers to train with the request's {@link TrainRequest#kernels()}. */
    static void useKernels(MultiLayerNetwork net, int kernels) {
        if (kernels >= 2) {
            InputConvolutionHelper.install(net);
        }
    }

    private FoldResult fit(
            MultiLayerNetwork net,
            TrainRequest request,
            Segment segment,
            LabelledArrays train,
            LabelledArrays validation,
            EpochListener listener) {
        int epochs = segment.lastEpoch(request.training().epochs().resolveInt(request.params()));
        int from = segment.fromEpoch();
        EarlyStop earlyStop = EarlyStop.of(request.training().earlyStopping());
        List<EpochMetrics> done = new ArrayList<>();
        FittedBatchMetrics fitted = new FittedBatchMetrics();
        WeightSpreadMeter weights = new WeightSpreadMeter(net);
        net.setListeners(fitted);
        List<LayerSpread> before = weights.read(from); // a resumed unit's epoch-`from` reading is stored already
        if (from == 0) {
            listener.onWeights(before);
        }
        try (LabelledArrays shuffled = train.emptyLike();
                LabelledArrays sample = sample(request, validation)) {
            StepLog steps = stepLog(request, train.count(), net, sample, listener);
            steps.resumeAfter(
                    from, train.count(), request.training().batchSize().resolveInt(request.params()));
            Recording recording = new Recording(fitted, steps, weights, listener);
            EpochData data = new EpochData(train, shuffled, validation);
            Diagnosis diagnosis = null;
            boolean stopped = false;
            for (int epoch = from + 1; epoch <= epochs && !stopped; epoch++) {
                DiagnosisCollector collector =
                        new DiagnosisCollector(train.source().numClasses(), DiagnosisCollector.GALLERY);
                EpochMetrics metrics = epoch(net, request, epoch, data, recording, collector);
                done.add(metrics);
                listener.onEpoch(metrics);
                listener.onWeights(weights.read(epoch));
                diagnosis = validation == null ? null : collector.diagnosis();
                stopped = earlyStop.shouldStop(metrics) && epoch < epochs;
            }
            if (diagnosis != null) {
                listener.onDiagnosis(diagnosis);
            }
            return new FoldResult(done, stopped, diagnosis);
        } finally {
            net.setListeners();
            net.setInput(null); // drop references into the arrays closed here
            net.setLabels(null);
            net.clearLayersStates();
        }
    }

    private static StepLog stepLog(
            TrainRequest request, int rows, MultiLayerNetwork net, LabelledArrays sample, EpochListener listener) {
        int batch = request.training().batchSize().resolveInt(request.params());
        Integer validateEvery = request.training().validateEvery();
        return new StepLog(
                StepLog.every(request.training().logEvery(), (rows + batch - 1) / batch),
                validateEvery == null ? 0 : validateEvery,
                sample == null ? null : () -> InferenceEvaluator.evaluate(net, sample, request.inferenceBatch()),
                listener);
    }

    /**
     * The fixed, seeded sample of validation rows measured within epochs (the same rows every epoch), or null
     * when {@code validate_every} is off or there are no validation rows.
     */
    private static LabelledArrays sample(TrainRequest request, LabelledArrays validation) {
        Integer every = request.training().validateEvery();
        if (every == null || every == 0 || validation == null) {
            return null;
        }
        int n = validation.count();
        int[] rows = java.util.Arrays.copyOf(
                EpochOrder.permutation(n, request.seed() ^ SAMPLE_SALT, 0),
                Math.min(n, request.training().sampleRows()));
        java.util.Arrays.sort(rows);
        return LabelledArrays.of(validation.source().rows(rows));
    }

    /** A unit's arrays: training rows, the buffer for their shuffled copy, validation rows (or null). */
    private record EpochData(LabelledArrays train, LabelledArrays shuffled, LabelledArrays validation) {}

    /** What records an epoch as it runs: batch sums, steps, weight readings and the listener they go to. */
    private record Recording(
            FittedBatchMetrics fitted, StepLog steps, WeightSpreadMeter weights, EpochListener listener) {}

    private static EpochMetrics epoch(
            MultiLayerNetwork net,
            TrainRequest request,
            int epoch,
            EpochData data,
            Recording recording,
            DiagnosisCollector diagnosis) {
        long start = System.nanoTime();
        double learningRate = net.getLearningRate(net.getnLayers() - 1);
        int batch = request.training().batchSize().resolveInt(request.params());
        recording.fitted().reset();
        fitEpoch(
                net,
                data.train(),
                data.shuffled(),
                batch,
                request.seed(),
                epoch,
                recording.fitted(),
                recording.steps());
        Evaluation onTrain = recording.fitted().epoch();
        if (!Double.isFinite(onTrain.loss())) {
            recording.steps().closeEpoch(Double.NaN, Double.NaN);
            recording.listener().onWeights(recording.weights().read(epoch));
            throw new TrainingException(
                    "loss became " + (Double.isNaN(onTrain.loss()) ? "NaN" : "infinite") + " in epoch " + epoch);
        }
        Evaluation onValidation = data.validation() == null
                ? Evaluation.NONE
                : InferenceEvaluator.evaluate(net, data.validation(), request.inferenceBatch(), diagnosis);
        recording.steps().closeEpoch(onValidation.loss(), onValidation.accuracy());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochMetrics(
                epoch,
                onTrain.loss(),
                onTrain.accuracy(),
                onValidation.loss(),
                onValidation.accuracy(),
                learningRate,
                seconds);
    }

    /**
     * One pass over {@code train} in seeded order, using {@code shuffled} as the buffer; {@code fitted}
     * (registered as the network's listener) is told each batch's labels before it is fitted, and
     * {@code steps} hears of each fitted batch.
     */
    static void fitEpoch(
            MultiLayerNetwork net,
            LabelledArrays train,
            LabelledArrays shuffled,
            int batch,
            long seed,
            int epoch,
            FittedBatchMetrics fitted,
            StepLog steps) {
        int[] order = EpochOrder.permutation(train.count(), seed, epoch);
        shuffled.fillPermuted(train, order);
        int batches = (train.count() + batch - 1) / batch;
        for (int from = 0, b = 1; from < train.count(); from += batch, b++) {
            int to = Math.min(train.count(), from + batch);
            fitted.expect(train.labels(order, from, to));
            net.fit(shuffled.features(from, to), shuffled.oneHot(from, to));
            steps.afterBatch(epoch, b, batches, to - from, fitted);
        }
        net.incrementEpochCount();
    }

    private static boolean hasRows(ArrayData data) {
        return data != null && data.count() > 0;
    }

    private static void requireCompatible(TrainRequest request) {
        ModelSpec.InputShape in = request.model().input();
        ArrayData data = request.train();
        if (data.height() != in.height() || data.width() != in.width() || data.channels() != in.channels()) {
            throw new IllegalArgumentException("data " + data + " does not match the model input " + in.height() + "x"
                    + in.width() + "x" + in.channels());
        }
        List<LayerSpec> layers = request.model().layers();
        if (!(layers.get(layers.size() - 1) instanceof LayerSpec.Output out)
                || out.classes().resolveInt(request.params()) != data.numClasses()) {
            throw new IllegalArgumentException("the output layer must have " + data.numClasses() + " classes");
        }
    }
}
