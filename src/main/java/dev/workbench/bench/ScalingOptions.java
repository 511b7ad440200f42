package dev.workbench.bench;

import dev.workbench.UserInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The points of {@code workbench bench scaling}: values for each axis, ascending; the middle value of
 * each is the base point the other axes vary around.
 *
 * @param spec   the base experiment (model, search space, data)
 * @param units  units side by side, as {@code run --parallel}
 */
public record ScalingOptions(
        Path spec, List<Integer> trials, List<Integer> folds, List<Integer> epochs, List<Integer> images, int units) {

    public ScalingOptions {
        Objects.requireNonNull(spec, "spec");
        trials = checked("--trials", trials, 1);
        folds = checked("--folds", folds, 2);
        epochs = checked("--epochs", epochs, 1);
        images = checked("--images", images, 2);
        BenchOptions.positive("--units", units);
    }

    private static List<Integer> checked(String option, List<Integer> values, int min) {
        if (values == null || values.isEmpty()) {
            throw new UserInputException(option + ": give at least one value");
        }
        for (int v : values) {
            if (v < min) {
                throw new UserInputException(option + ": values must be at least " + min + ", got " + v);
            }
        }
        return values.stream().sorted().distinct().toList();
    }
}
