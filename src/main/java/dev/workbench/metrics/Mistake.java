package dev.workbench.metrics;

/**
 * One misclassified row of an evaluation.
 *
 * @param row         index of the row in the evaluated data
 * @param label       its true class
 * @param predicted   the class the model chose
 * @param probability the model's probability for {@code predicted}
 */
public record Mistake(int row, int label, int predicted, double probability) {

    public Mistake {
        if (row < 0 || label < 0 || predicted < 0 || label == predicted) {
            throw new IllegalArgumentException("a mistake needs a row and two different classes");
        }
    }
}
