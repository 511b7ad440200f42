package dev.workbench.export;

import dev.workbench.train.ArrayData;
import dev.workbench.train.Evaluation;
import dev.workbench.train.TrainedModel;
import java.nio.file.Path;

/**
 * The result of reloading a written model zip and comparing it with the model in memory: class
 * probabilities on a batch, element by element, and loss and accuracy on the whole test set, both
 * bit for bit.
 *
 * @param rows           rows of the batch compared
 * @param mismatches     probabilities that differ in any bit
 * @param maxAbsDifference largest absolute difference of a probability
 * @param testIdentical  whether test loss and accuracy of the reloaded model equal the original's exactly
 */
public record ReloadCheck(int rows, int mismatches, double maxAbsDifference, boolean testIdentical) {

    /** Rows compared output by output. */
    static final int BATCH = 256;

    /** True when the reloaded model behaves exactly as the original. */
    public boolean passed() {
        return mismatches == 0 && testIdentical;
    }

    /**
     * Reloads {@code zip} and compares it with {@code original} on the first rows of {@code test}
     * and on all of it.
     */
    static ReloadCheck run(TrainedModel original, Path zip, ArrayData test, Evaluation originalOnTest) {
        int rows = Math.min(BATCH, test.count());
        try (TrainedModel reloaded = TrainedModel.load(zip, original.inferenceBatch())) {
            float[][] expected = original.probabilities(test, rows);
            float[][] actual = reloaded.probabilities(test, rows);
            int mismatches = 0;
            double max = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < expected[r].length; c++) {
                    if (Float.floatToIntBits(expected[r][c]) != Float.floatToIntBits(actual[r][c])) {
                        mismatches++;
                        max = Math.max(max, Math.abs((double) expected[r][c] - actual[r][c]));
                    }
                }
            }
            Evaluation again = reloaded.evaluate(test);
            boolean same = Double.doubleToLongBits(again.loss()) == Double.doubleToLongBits(originalOnTest.loss())
                    && Double.doubleToLongBits(again.accuracy()) == Double.doubleToLongBits(originalOnTest.accuracy());
            return new ReloadCheck(rows, mismatches, max, same);
        }
    }

    /** One line: rows compared and whether outputs and test metrics matched. */
    public String describe() {
        return rows + " rows: "
                + (mismatches == 0
                        ? "outputs identical"
                        : mismatches + " outputs differ (max |diff| " + maxAbsDifference + ")")
                + ", test metrics " + (testIdentical ? "identical" : "differ");
    }
}
