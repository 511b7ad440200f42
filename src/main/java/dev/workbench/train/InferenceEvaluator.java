package dev.workbench.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores a network on {@link LabelledArrays} in inference mode, a batch of rows at a time. The batch size
 * changes the last bits of the outputs (oneDNN and BLAS pick their blocking by it), so it is fixed per
 * experiment ({@link TrainRequest#inferenceBatch()}).
 */
final class InferenceEvaluator {

    /** Probability floor inside the log, as DL4J's MCXENT loss uses. */
    private static final double EPSILON = 1e-10;

    private InferenceEvaluator() {}

    static Evaluation evaluate(MultiLayerNetwork net, LabelledArrays data, int batch) {
        return evaluate(net, data, batch, new DiagnosisCollector(data.source().numClasses(), 0));
    }

    /**
     * As {@link #evaluate(MultiLayerNetwork, LabelledArrays, int)}, also counting every row into {@code
     * diagnosis}.
     */
    static Evaluation evaluate(MultiLayerNetwork net, LabelledArrays data, int batch, DiagnosisCollector diagnosis) {
        int n = data.count();
        if (n == 0) {
            return Evaluation.NONE;
        }
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            float[][] probabilities = probabilities(net, data.features(from, to));
            for (int i = 0; i < probabilities.length; i++) {
                int label = data.source().label(from + i);
                lossSum -= Math.log(Math.max(probabilities[i][label], EPSILON));
                int predicted = Evaluation.predictedClass(probabilities[i]);
                correct += predicted == label ? 1 : 0;
                diagnosis.add(from + i, label, predicted, probabilities[i]);
            }
        }
        return new Evaluation(lossSum / n, correct / (double) n, n);
    }

    static float[][] probabilities(MultiLayerNetwork net, INDArray features) {
        INDArray out = net.output(features, false);
        float[][] probabilities = FloatRows.of(out);
        if (out.closeable()) {
            out.close();
        }
        return probabilities;
    }
}
