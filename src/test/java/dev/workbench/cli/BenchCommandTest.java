package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.testing.Required;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark commands, shrunk to seconds on synthetic data; timings are printed, never asserted. */
@Tag("slow")
class BenchCommandTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    private CliHarness harness;
    private Path spec;

    @BeforeEach
    void setUp() {
        harness = new CliHarness(dir);
        spec = harness.spec("tiny", CliHarness.TINY);
    }

    @Test
    void measuresOurSideWithoutPyTorch() {
        CliHarness.Result r = harness.run(
                "bench",
                "--spec",
                spec.toString(),
                "--images",
                "128",
                "--epochs",
                "1",
                "--repeats",
                "2",
                "--experiments",
                "1",
                "--units",
                "2",
                "--no-pytorch");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "PyTorch: not run (--no-pytorch)",
                        "first 128 MNIST training images",
                        "Throughput of the reference CNN (img/s): conv 16 k5, maxpool 2, conv 32 k5",
                        "Throughput of smallest model of tiny (trial 0) (img/s): conv 4 k5, maxpool 2, dense 16, dropout 0.2,"
                                + " output 10; 0.13 MFLOP/image forward, batch 32",
                        "Throughput of largest model of tiny (trial 0)",
                        "ours train 1  ours train 2  torch train 1x2  torch train 2x1",
                        "FLOP ceiling: sgemm 1024x1024",
                        "18.1 MFLOP/image",
                        "Whole experiment",
                        "2 trials x 2 folds x 2 epochs on 240 images + refit",
                        "ours peak RSS MB",
                        "ours RSS by quarter MB")
                .doesNotContain("ratio");
        // two rounds of three models, each row with "-" for PyTorch
        assertThat(r.out().lines().filter(l -> l.matches("\\s+[12]\\s+[\\d,]+\\s+[\\d,]+\\s+-\\s+-\\s+[\\d,].*")))
                .hasSize(6);
    }

    @Test
    void comparesWithPyTorchWhenItIsInstalled() throws Exception {
        Required.that(torchAvailable(), "PyTorch for " + PYTHON, "apt-get install python3-torch (./test installs it)");
        CliHarness.Result r = harness.run(
                "bench",
                "--spec",
                spec.toString(),
                "--images",
                "128",
                "--epochs",
                "1",
                "--repeats",
                "1",
                "--experiments",
                "1",
                "--units",
                "2",
                "--python",
                PYTHON);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "PyTorch: " + PYTHON,
                        "PyTorch 1x2 and 2x1 (processes x threads)",
                        "torch train 1x2  torch train 2x1",
                        "torch infer 1x2  torch infer 2x1",
                        "ratio ours(2 units)/faster PyTorch: training ",
                        "faster PyTorch per round: training ",
                        "torch 1x2 wall s  torch 2x1 wall s",
                        "ratio faster PyTorch wall / ours: ",
                        "torch 1x2 peak RSS MB");
        assertThat(r.out().lines().filter(l -> l.startsWith("ratio ours(2 units)/faster PyTorch")))
                .hasSize(3);
        // every PyTorch cell holds a measurement
        assertThat(r.out().lines().filter(l -> l.matches("\\s+1(\\s+[\\d,.]+){8,}")))
                .hasSize(3);
    }

    @Test
    void scalingTableVariesOneAxisAtATime() {
        CliHarness.Result r = harness.run(
                "bench",
                "scaling",
                "--spec",
                spec.toString(),
                "--trials",
                "1,2",
                "--folds",
                "2",
                "--epochs",
                "1",
                "--images",
                "120",
                "--units",
                "2");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "base point: 1 trials x 2 folds x 1 epochs on 120 images",
                        "[3/3] 1 trials x 2 folds",
                        "mean of first and last run")
                .doesNotContain("[4/");
        assertThat(r.out().lines().filter(l -> l.matches("\\s*(trials|folds|epochs|images)\\s+\\d+\\s+\\d+\\s+.*")))
                .extracting(l -> l.trim().split("\\s+")[0] + " " + l.trim().split("\\s+")[1])
                .containsExactly("trials 1", "trials 2", "folds 2", "epochs 1", "images 120");
    }

    @Test
    void rejectsBadSizesWithExitCode2() {
        CliHarness.Result images = harness.run("bench", "--images", "0");
        assertThat(images.exitCode()).isEqualTo(2);
        assertThat(images.err()).contains("--images: must be at least 1");

        CliHarness.Result folds = harness.run("bench", "scaling", "--folds", "1,3");
        assertThat(folds.exitCode()).isEqualTo(2);
        assertThat(folds.err()).contains("--folds: values must be at least 2");
    }

    private static boolean torchAvailable() throws Exception {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
