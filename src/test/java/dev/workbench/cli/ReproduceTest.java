package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workbench.testing.SyntheticMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench reproduce} on a tiny experiment: identical re-runs, a tampered metric, a changed data file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
class ReproduceTest {

    private Path dir;
    private CliHarness cli;

    @BeforeAll
    void run(@TempDir Path tempDir) {
        dir = tempDir;
        cli = new CliHarness(dir);
        CliHarness.Result r =
                cli.runWithDb("run", cli.spec("tiny", CliHarness.TINY).toString(), "--parallel", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    @Order(1)
    void every_fold_reproduces_bit_for_bit_with_and_without_parallel_units() throws IOException {
        CliHarness.Result sequential = cli.runWithDb("reproduce", "tiny", "--trial", "0", "--parallel", "1");
        assertThat(sequential.exitCode()).as(sequential.err()).isZero();
        assertThat(sequential.out())
                .startsWith("tiny trial 0: identical")
                .contains("2 fold(s), 4 epoch(s), every metric bit for bit");
        assertThat(sequential.err()).doesNotContain("warning");

        CliHarness.Result parallel = cli.runWithDb("reproduce", "tiny", "--trial", "1", "--parallel", "2");
        assertThat(parallel.exitCode()).as(parallel.err()).isZero();
        assertThat(parallel.out()).startsWith("tiny trial 1: identical");

        CliHarness.Result oneFold = cli.runWithDb("reproduce", "tiny", "--trial", "1", "--fold", "1");
        assertThat(oneFold.exitCode()).as(oneFold.err()).isZero();
        assertThat(oneFold.out()).startsWith("tiny trial 1 fold 1: identical").contains("1 fold(s), 2 epoch(s)");

        JsonNode trial = cli.showJson("tiny").at("/trials/1");
        assertThat(trial.at("/reproduction/outcome").asText()).isEqualTo("identical");
        assertThat(trial.at("/reproduction/fold").asInt()).isEqualTo(1);
        assertThat(trial.at("/provenance/folds")).hasSize(2);
        assertThat(trial.at("/provenance/omp_threads").asInt()).isEqualTo(1);
        assertThat(trial.at("/provenance/seed").asLong())
                .isEqualTo(trial.get("seed").asLong());
    }

    @Test
    @Order(2)
    void a_tampered_metric_is_reported_at_its_fold_epoch_and_metric_with_the_difference() throws Exception {
        execute(
                "UPDATE epoch_metric SET val_loss = val_loss + 0.25 WHERE epoch = 2 AND fold_run_id ="
                        + " (SELECT f.id FROM fold_run f JOIN trial t ON t.id = f.trial_id WHERE t.trial_index = 0 AND f.fold = 1)");
        CliHarness.Result r = cli.runWithDb("reproduce", "tiny", "--trial", "0", "--parallel", "2");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .startsWith("tiny trial 0: different")
                .containsPattern(
                        "fold 1 epoch 2 val_loss: stored \\S+, re-run \\S+, absolute difference 0\\.2(5|49999)");
        JsonNode reproduction = cli.showJson("tiny").at("/trials/0/reproduction");
        assertThat(reproduction.get("outcome").asText()).isEqualTo("different");
        assertThat(reproduction.get("detail").asText()).contains("fold 1 epoch 2 val_loss");
        assertThat(reproduction.get("fold").isNull()).isTrue();
    }

    @Test
    @Order(3)
    void a_changed_dataset_file_is_reported_before_the_re_run() throws IOException {
        Path testImages = dir.resolve("idx").resolve(SyntheticMnist.TEST_IMAGES);
        byte[] bytes = Files.readAllBytes(testImages);
        bytes[bytes.length - 1] ^= 0x7F;
        Files.write(testImages, bytes);
        CliHarness.Result r = cli.runWithDb("reproduce", "tiny", "--trial", "1", "--fold", "0");
        assertThat(r.err()).contains("warning: dataset file test-images changed: SHA-256 was");
        assertThat(r.err().indexOf("warning: dataset file")).isLessThan(r.err().indexOf("Running"));
        assertThat(r.exitCode())
                .as("the test images do not take part in the folds")
                .isZero();
    }

    @Test
    @Order(4)
    void bad_arguments_exit_2_naming_the_problem() {
        CliHarness.Result noTrial = cli.runWithDb("reproduce", "tiny", "--trial", "7");
        assertThat(noTrial.exitCode()).isEqualTo(2);
        assertThat(noTrial.err()).contains("has no trial 7 (it has 2 trials");
        CliHarness.Result noFold = cli.runWithDb("reproduce", "tiny", "--trial", "0", "--fold", "5");
        assertThat(noFold.exitCode()).isEqualTo(2);
        assertThat(noFold.err()).contains("no finished fold 5");
        assertThat(cli.runWithDb("reproduce", "nope", "--trial", "0").err()).contains("no experiment named 'nope'");
        assertThat(cli.runWithDb("reproduce", "tiny").exitCode()).isEqualTo(2);
    }

    /**
     * The scoring batch changes the last bits of validation metrics, so reproduce scores with the experiment's
     * stored one: with it changed behind the run's back, the same trial no longer reproduces.
     */
    @Test
    @Order(5)
    void reproduce_scores_with_the_experiments_stored_inference_batch() throws Exception {
        assertThat(cli.showJson("tiny").at("/experiment/inference_batch").asInt())
                .isEqualTo(256);
        assertReproductionFollowsTheStored("inference_batch", 7, 256, 0, "val_loss");
    }

    /**
     * The kernels change the last bits of every trained number, so reproduce trains with the experiment's stored
     * ones: with DL4J's first-convolution backward pass instead of the stored workbench one, the fold differs.
     */
    @Test
    @Order(6)
    void reproduce_trains_with_the_experiments_stored_kernels() throws Exception {
        assertThat(cli.showJson("tiny").at("/experiment/kernels").asInt()).isEqualTo(2);
        assertReproductionFollowsTheStored("kernels", 1, 2, 1, "loss");
    }

    /**
     * With the experiment's {@code column} set to {@code changed}, reproducing trial 1's {@code fold} exits 1 with
     * "different" at a metric ending in {@code metric}; set back to {@code stored}, it says "identical".
     */
    private void assertReproductionFollowsTheStored(String column, int changed, int stored, int fold, String metric)
            throws SQLException {
        String[] reproduce = {"reproduce", "tiny", "--trial", "1", "--fold", Integer.toString(fold)};
        execute("UPDATE experiment SET " + column + " = " + changed);
        CliHarness.Result r = cli.runWithDb(reproduce);
        assertThat(r.exitCode()).as(r.out()).isEqualTo(1);
        assertThat(r.out())
                .startsWith("tiny trial 1 fold " + fold + ": different")
                .contains(metric + ": stored");

        execute("UPDATE experiment SET " + column + " = " + stored);
        CliHarness.Result again = cli.runWithDb(reproduce);
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.out()).startsWith("tiny trial 1 fold " + fold + ": identical");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(cli.dbUrl(), "sa", "")) {
            assertThat(c.createStatement().executeUpdate(sql)).isEqualTo(1);
        }
    }
}
