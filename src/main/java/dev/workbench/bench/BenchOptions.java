package dev.workbench.bench;

import dev.workbench.UserInputException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code workbench bench} measures.
 *
 * @param spec        the experiment timed end to end (and whose data the throughput runs read)
 * @param images      training images per throughput measurement
 * @param epochs      timed epochs per throughput measurement (after one warm-up epoch)
 * @param repeats     throughput rounds, ours and PyTorch alternating
 * @param experiments whole-experiment rounds, ours and PyTorch alternating (0 skips them)
 * @param units       units trained side by side, as {@code run --parallel}
 * @param python      the Python that runs {@code torch_bench.py}, or null for our side only
 */
public record BenchOptions(Path spec, int images, int epochs, int repeats, int experiments, int units, String python) {

    public BenchOptions {
        Objects.requireNonNull(spec, "spec");
        positive("--images", images);
        positive("--epochs", epochs);
        positive("--repeats", repeats);
        positive("--units", units);
        if (experiments < 0) {
            throw new UserInputException("--experiments: must not be negative, got " + experiments);
        }
    }

    static void positive(String option, int value) {
        if (value < 1) {
            throw new UserInputException(option + ": must be at least 1, got " + value);
        }
    }
}
