package dev.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A results database made by real runs of the CLI on synthetic data, built once per test JVM under
 * {@code target/dashboard-fixture/}: experiment {@code tiny} (2 trials), then {@code grid} (6 trials
 * × 3 folds × 4 epochs, SGD, of which the two with learning rate 1e10 diverge and fail), whose best
 * trial is then exported (its refit) and reproduced.
 */
public final class DashboardFixture {

    /** The second experiment: a 3 × 2 grid where learning rate 1e10 fails. */
    public static final String GRID =
            """
            name: grid
            seed: 7
            data: {format: idx, train_images: IDX/train-images-idx3-ubyte, train_labels: IDX/train-labels-idx1-ubyte,
                   test_images: IDX/t10k-images-idx3-ubyte, test_labels: IDX/t10k-labels-idx1-ubyte}
            cv: {folds: 3}
            search:
              strategy: grid
              parameters:
                lr: {values: [1.0e10, 0.3, 0.1]}
                units: {values: [8, 16]}
            model:
              input: {height: 28, width: 28, channels: 1}
              layers:
                - conv: {filters: 4, kernel: 5, stride: 2}
                - maxpool: {size: 2}
                - dense: {units: ${units}}
                - output: {classes: 10}
            training: {optimizer: sgd, learning_rate: ${lr}, batch_size: 32, epochs: 4}
            refit: true
            """;

    private static CliHarness cli;

    private DashboardFixture() {}

    /** The JDBC URL of the fixture database, running the two experiments on first use. */
    public static synchronized String database() {
        if (cli == null) {
            Path dir = Path.of("target", "dashboard-fixture").toAbsolutePath();
            delete(dir);
            CliHarness harness = new CliHarness(dir);
            run(harness, harness.spec("tiny", CliHarness.TINY));
            run(harness, harness.spec("grid", GRID));
            run(harness, "export", "grid");
            run(harness, "reproduce", "grid", "--trial", bestTrial(harness));
            cli = harness;
        }
        return cli.dbUrl();
    }

    /** {@code show NAME --json} on the fixture database, parsed. */
    public static JsonNode showJson(String name) throws IOException {
        database();
        return cli.showJson(name);
    }

    private static String bestTrial(CliHarness cli) {
        try {
            return cli.showJson("grid").at("/refit/trial_index").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(CliHarness cli, Path spec) {
        run(cli, "run", spec.toString());
    }

    private static void run(CliHarness cli, String... args) {
        CliHarness.Result r = cli.runWithDb(args);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("fixture command " + String.join(" ", args) + " failed: " + r.err());
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
