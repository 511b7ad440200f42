package dev.workbench.train;

import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training loss and accuracy of an epoch, accumulated from the minibatches as they are fitted (training
 * mode, dropout on, weights before each batch's update), the way Keras and the usual PyTorch loop report
 * them. It saves the separate inference pass over the training rows that would otherwise cost about a
 * fifth of every epoch.
 *
 * <p>DL4J hands training listeners the activations up to the output layer's input; this listener
 * applies the output layer's preprocessor (if any) and weights itself to get each row's logits. It only reads, so training is
 * unchanged. Call {@link #expect} with the labels of the batch about to be fitted.
 */
final class FittedBatchMetrics extends BaseTrainingListener {

    /** Probability floor inside the log, as DL4J's MCXENT loss uses. */
    private static final double EPSILON = 1e-10;

    private int[] batchLabels = new int[0];
    private double lossSum;
    private long correct;
    private long rows;
    private double windowLoss;
    private long windowCorrect;
    private long windowRows;

    /** The labels of the rows of the next {@code fit} call, in order. */
    void expect(int[] labels) {
        batchLabels = labels;
    }

    /** Clears the sums for a new epoch. */
    void reset() {
        lossSum = 0;
        correct = 0;
        rows = 0;
        window();
    }

    /** Mean loss and accuracy over the rows fitted since the previous call (or {@link #reset}); starts a new window. */
    Evaluation window() {
        Evaluation window = windowRows == 0
                ? Evaluation.NONE
                : new Evaluation(windowLoss / windowRows, windowCorrect / (double) windowRows, (int) windowRows);
        windowLoss = 0;
        windowCorrect = 0;
        windowRows = 0;
        return window;
    }

    /** Mean loss and accuracy over the rows fitted since the last {@link #reset}. */
    Evaluation epoch() {
        return rows == 0 ? Evaluation.NONE : new Evaluation(lossSum / rows, correct / (double) rows, (int) rows);
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        var output = net.getOutputLayer();
        INDArray input = flattened(net, activations.get(activations.size() - 1));
        float[][] logits;
        try (INDArray z = input.mmul(output.getParam("W")).addiRowVector(output.getParam("b"))) {
            logits = FloatRows.of(z);
        }
        if (logits.length != batchLabels.length) {
            throw new IllegalStateException("fitted " + logits.length + " rows but expected " + batchLabels.length);
        }
        for (int i = 0; i < logits.length; i++) {
            add(logits[i], batchLabels[i]);
        }
    }

    /**
     * The output layer's input as it sees it: after its preprocessor, which flattens the rank-4
     * activations of a convolution or pooling layer right before it.
     */
    private static INDArray flattened(MultiLayerNetwork net, INDArray input) {
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(net.getnLayers() - 1);
        return pre == null ? input : pre.preProcess(input, (int) input.size(0), LayerWorkspaceMgr.noWorkspaces());
    }

    /** Adds one row: softmax cross-entropy with the probability floored as DL4J does, and argmax accuracy. */
    private void add(float[] logits, int label) {
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        double sum = 0;
        for (float value : logits) {
            sum += Math.exp(value - logits[best]);
        }
        double probability = Math.exp(logits[label] - logits[best]) / sum;
        double loss = -Math.log(Math.max(probability, EPSILON));
        int hit = best == label ? 1 : 0;
        lossSum += loss;
        correct += hit;
        rows++;
        windowLoss += loss;
        windowCorrect += hit;
        windowRows++;
    }
}
