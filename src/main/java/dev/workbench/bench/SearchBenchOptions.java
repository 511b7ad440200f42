package dev.workbench.bench;

import dev.workbench.UserInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code workbench bench search} runs.
 *
 * @param spec            the search space, model, data subset and folds (every parameter a {@code values} list)
 * @param seeds           rounds of the seeded strategies (random, and Optuna), with experiment seeds
 *                        {@code spec seed + 0 … seeds - 1}
 * @param trials          trials of each seeded strategy; null: as many as the grid has configurations
 * @param units           units trained side by side by our runs, as {@code run --parallel}
 * @param python          the Python that runs {@code optuna_search.py}, or null for our side only
 * @param optuna          the Optuna modes: {@code tpe}, {@code random} or {@code grid}, each optionally
 *                        {@code -halving} (its SuccessiveHalvingPruner on the fold-mean curve)
 * @param minEpochs       the halving pruner's minimum resource, in epochs
 * @param reductionFactor the halving pruner's reduction factor
 */
public record SearchBenchOptions(
        Path spec,
        int seeds,
        Integer trials,
        int units,
        String python,
        List<String> optuna,
        int minEpochs,
        int reductionFactor) {

    /** The Optuna modes the script knows. */
    static final List<String> MODES = List.of("tpe", "random", "grid", "tpe-halving", "random-halving", "grid-halving");

    public SearchBenchOptions {
        Objects.requireNonNull(spec, "spec");
        BenchOptions.positive("--seeds", seeds);
        BenchOptions.positive("--units", units);
        BenchOptions.positive("--min-epochs", minEpochs);
        if (trials != null) {
            BenchOptions.positive("--trials", trials);
        }
        if (reductionFactor < 2) {
            throw new UserInputException("--reduction-factor: must be at least 2, got " + reductionFactor);
        }
        optuna = List.copyOf(optuna);
        for (String mode : optuna) {
            if (!MODES.contains(mode)) {
                throw new UserInputException(
                        "--optuna: unknown mode '" + mode + "' (one of " + String.join(", ", MODES) + ")");
            }
        }
    }
}
