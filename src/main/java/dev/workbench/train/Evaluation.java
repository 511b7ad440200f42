package dev.workbench.train;

/**
 * Loss and accuracy of a model on some rows, measured in inference mode (no dropout).
 *
 * @param loss     mean multi-class cross-entropy, −ln p(true class), with p clipped below at 1e-10 as DL4J
 *                 does; NaN when the model's outputs are NaN, and NaN for zero rows
 * @param accuracy fraction of rows whose most probable class is the true class; NaN for zero rows
 * @param count    number of rows scored
 */
public record Evaluation(double loss, double accuracy, int count) {

    /** The value used when there is nothing to score (e.g. no validation rows in a refit). */
    public static final Evaluation NONE = new Evaluation(Double.NaN, Double.NaN, 0);

    /** The predicted class of a row of class probabilities: the index of the largest (the first on ties; NaN never wins). */
    public static int predictedClass(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    public Evaluation {
        if (count < 0) {
            throw new IllegalArgumentException("count must be non-negative, got " + count);
        }
    }
}
