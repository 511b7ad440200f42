package dev.workbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code bench} and {@code bench scaling}: data, experiment, units side by side. */
final class BenchSetup {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "Where datasets are kept (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--spec",
            paramLabel = "SPEC",
            defaultValue = "experiments/cnn-grid.yaml",
            description = "Experiment to run end to end (default: ${DEFAULT-VALUE}).")
    Path specFile;

    @Option(
            names = "--units",
            paramLabel = "N",
            description = "Units side by side, as run --parallel (default: CPU cores).")
    Integer units;

    int unitCount() {
        return units == null ? Runtime.getRuntime().availableProcessors() : units;
    }

    /** A fresh directory for logs, plans, specs and throw-away databases. */
    static Path workDir() {
        try {
            return Files.createTempDirectory("workbench-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
