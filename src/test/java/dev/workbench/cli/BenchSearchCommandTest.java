package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.testing.Required;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench search} shrunk to seconds on synthetic data: the real CLI, child JVMs and Optuna; timings never asserted. */
class BenchSearchCommandTest {

    private static final String PYTHON = "/usr/bin/python3";

    /** A 2 x 2 space, 2 folds, 2 epochs on 240 synthetic images. */
    private static final String SPACE = CliHarness.TINY
            .replace("name: tiny", "name: space")
            .replace("lr: {values: [0.01, 0.003]}", "lr: {values: [0.01, 0.003]}\n    rate: {values: [0.0, 0.5]}")
            .replace("dropout: {rate: 0.2}", "dropout: {rate: ${rate}}")
            .replace("refit: true", "refit: false");

    @TempDir
    Path dir;

    private CliHarness harness;
    private Path spec;

    @BeforeEach
    void setUp() {
        harness = new CliHarness(dir);
        spec = harness.spec("space", SPACE);
    }

    @Test
    void grid_random_and_optuna_rows_with_the_target_from_the_grid_best() throws Exception {
        Required.that(
                available("import optuna, torch"),
                "Optuna and PyTorch for " + PYTHON,
                "apt-get install python3-optuna python3-torch (./test installs them)");
        CliHarness.Result r = harness.run(
                "bench",
                "search",
                "--spec",
                spec.toString(),
                "--seeds",
                "2",
                "--trials",
                "3",
                "--units",
                "2",
                "--optuna",
                "tpe-halving,grid",
                "--min-epochs",
                "1",
                "--reduction-factor",
                "2",
                "--python",
                PYTHON,
                "--data-dir",
                dir.resolve("data").toString());

        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out())
                .contains("Reference: grid trial ", "95% CI [", "target: a trial's final score >= ")
                .contains("3 trials per seeded strategy, 2 seed(s)");
        assertThat(rows(r.out(), "grid"))
                .as("the reference runs once")
                .hasSize(1)
                .allMatch(l -> l.matches("\\s*grid\\s+-\\s+4\\s+16\\s+.*"));
        assertThat(rows(r.out(), "random")).hasSize(2).allMatch(l -> l.matches("\\s*random\\s+1[12]\\s+3\\s+12\\s+.*"));
        assertThat(rows(r.out(), "optuna grid"))
                .hasSize(2)
                .allMatch(l -> l.matches("\\s*optuna grid\\s+1[12]\\s+3\\s+12\\s+.*"));
        assertThat(rows(r.out(), "optuna tpe-halving")).hasSize(2);
        assertThat(rows(r.out(), "grid + halving"))
                .as("halving draws nothing from the seed")
                .hasSize(1);
        assertThat(rows(r.out(), "tpe")).hasSize(2);
        assertThat(r.out()).containsPattern("grid: reached the target in 1 of 1 runs; mean [\\d,]+ epochs");
    }

    @Test
    void our_side_alone_and_bad_input_exits_2_naming_the_option_or_field() {
        CliHarness.Result ours = harness.run(
                "bench",
                "search",
                "--spec",
                spec.toString(),
                "--seeds",
                "1",
                "--trials",
                "2",
                "--units",
                "2",
                "--no-optuna",
                "--data-dir",
                dir.resolve("data").toString());
        assertThat(ours.exitCode()).as(ours.err()).isZero();
        assertThat(rows(ours.out(), "random")).hasSize(1);
        assertThat(rows(ours.out(), "optuna")).isEmpty();

        CliHarness.Result mode = harness.run("bench", "search", "--optuna", "cmaes");
        assertThat(mode.exitCode()).isEqualTo(2);
        assertThat(mode.err()).contains("--optuna: unknown mode 'cmaes'");
        Path range = harness.spec(
                "range", SPACE.replace("rate: {values: [0.0, 0.5]}", "rate: {min: 0.0, max: 0.5, grid_points: 2}"));
        CliHarness.Result continuous = harness.run("bench", "search", "--spec", range.toString(), "--no-optuna");
        assertThat(continuous.exitCode()).isEqualTo(2);
        assertThat(continuous.err()).contains("search.parameters.rate: bench search needs a values list");
    }

    private static java.util.List<String> rows(String out, String strategy) {
        return out.lines()
                .filter(l -> l.matches(
                        "\\s*" + java.util.regex.Pattern.quote(strategy) + "\\s+(-|\\d+)\\s+\\d+\\s+[\\d,]+\\s+.*"))
                .toList();
    }

    private static boolean available(String imports) throws Exception {
        Process p = new ProcessBuilder(PYTHON, "-c", imports)
                .redirectErrorStream(true)
                .start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
