package dev.workbench.export;

/**
 * The model's answer for one input image, or why there is none.
 *
 * @param input       the file
 * @param index       the image's position in an IDX file; null for a PNG/JPEG
 * @param label       the true class when known (IDX labels, or a leading digit of the file name)
 * @param predicted   the most probable class; null when the input could not be read
 * @param probability its probability
 * @param error       why the input could not be classified; null otherwise
 */
public record Prediction(
        String input, Integer index, Integer label, Integer predicted, Float probability, String error) {

    static Prediction failed(String input, String error) {
        return new Prediction(input, null, null, null, null, error);
    }

    /** True when the label is known and matches the prediction. */
    public boolean correct() {
        return label != null && label.equals(predicted);
    }
}
