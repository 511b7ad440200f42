package dev.workbench.metrics;

/**
 * Training loss and accuracy logged within an epoch: the means over the batches fitted since the previous
 * step (training mode, dropout on, as {@link EpochMetrics} reports them for the whole epoch). The last step
 * of an epoch also carries that epoch's validation loss and accuracy; other steps have NaN there.
 *
 * @param epoch       from 1
 * @param batch       batches fitted in this epoch so far, from 1
 * @param iteration   batches fitted since training began, from 1
 * @param imagesSeen  training images fitted since training began
 */
public record StepMetrics(
        int epoch,
        int batch,
        long iteration,
        long imagesSeen,
        double trainLoss,
        double trainAccuracy,
        double valLoss,
        double valAccuracy) {

    public StepMetrics {
        if (epoch < 1 || batch < 1 || iteration < batch || imagesSeen < 1) {
            throw new IllegalArgumentException("epoch, batch, iteration and images seen count from 1; got " + epoch
                    + ", " + batch + ", " + iteration + ", " + imagesSeen);
        }
    }

    /** This step with an epoch's validation metrics. */
    public StepMetrics withValidation(double loss, double accuracy) {
        return new StepMetrics(epoch, batch, iteration, imagesSeen, trainLoss, trainAccuracy, loss, accuracy);
    }
}
