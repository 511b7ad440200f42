package dev.workbench.metrics;

/**
 * Metrics of one finished training epoch of one (trial, fold) unit.
 *
 * <p>Train loss/accuracy are the means over the epoch's minibatches as they were fitted (training mode,
 * dropout on, weights before each update), as Keras and the usual PyTorch loop report them; validation
 * loss/accuracy are measured after the epoch in inference mode (no dropout). {@code epoch} counts from 1.
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double valLoss,
        double valAccuracy,
        double learningRate,
        double seconds) {

    public EpochMetrics {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch counts from 1, got " + epoch);
        }
    }

    /** The value of a named metric: {@code train_loss}, {@code train_accuracy}, {@code val_loss} or {@code val_accuracy}. */
    public double metric(String name) {
        return switch (name) {
            case "train_loss" -> trainLoss;
            case "train_accuracy" -> trainAccuracy;
            case "val_loss" -> valLoss;
            case "val_accuracy" -> valAccuracy;
            default -> throw new IllegalArgumentException("unknown metric: " + name);
        };
    }

    /** True when any loss or accuracy is NaN or infinite. */
    public boolean hasNonFinite() {
        return !Double.isFinite(trainLoss)
                || !Double.isFinite(trainAccuracy)
                || !Double.isFinite(valLoss)
                || !Double.isFinite(valAccuracy);
    }
}
