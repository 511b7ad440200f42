package dev.workbench.train;

import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Measures training and inference throughput through the code {@link FoldTrainer} runs: the same
 * network construction, seeded shuffle, minibatch slicing, fitted-batch metrics and inference
 * evaluator. Runs on the calling thread.
 */
public final class ThroughputMeter {

    /**
     * Images per second.
     *
     * @param train images fitted per second (one optimiser step per minibatch)
     * @param infer images scored per second in inference mode
     */
    public record Rates(double train, double infer) {}

    private final NetworkFactory factory = new NetworkFactory();

    /**
     * One untimed warm-up epoch, then {@code epochs} timed epochs, each a fit pass over {@code data}
     * followed by an inference pass over the same rows. The request's own epoch count is ignored.
     */
    public Rates measure(TrainRequest request, int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        Map<String, Double> params = request.params();
        int batch = request.training().batchSize().resolveInt(params);
        MultiLayerNetwork net = factory.network(request.model(), request.training(), params, request.seed());
        FoldTrainer.useKernels(net, request.kernels());
        FittedBatchMetrics fitted = new FittedBatchMetrics();
        net.setListeners(fitted);
        try (LabelledArrays train = LabelledArrays.of(request.train());
                LabelledArrays shuffled = train.emptyLike()) {
            FoldTrainer.fitEpoch(net, train, shuffled, batch, request.seed(), 0, fitted, StepLog.off());
            InferenceEvaluator.evaluate(net, train, request.inferenceBatch());
            long fitNanos = 0;
            long inferNanos = 0;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long start = System.nanoTime();
                FoldTrainer.fitEpoch(net, train, shuffled, batch, request.seed(), epoch, fitted, StepLog.off());
                long middle = System.nanoTime();
                InferenceEvaluator.evaluate(net, train, request.inferenceBatch());
                fitNanos += middle - start;
                inferNanos += System.nanoTime() - middle;
            }
            double images = (double) train.count() * epochs;
            return new Rates(images / (fitNanos / 1e9), images / (inferNanos / 1e9));
        } finally {
            NetworkRelease.release(net);
            NetworkRelease.freeWorkspaces();
        }
    }
}
