package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void run_stores_every_trial_fold_and_epoch_and_prints_a_leaderboard() throws Exception {
        CliHarness cli = new CliHarness(dir);
        CliHarness.Result r =
                cli.runWithDb("run", cli.spec("tiny", CliHarness.TINY).toString(), "--parallel", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("tiny")
                .contains("val_accuracy mean ± 95% CI")
                .contains("refit of trial")
                .contains("(n = 2: too few folds for a CI)")
                .contains("too few folds: an interval needs at least 3 folds");

        assertThat(CliHarness.epochCounts(r.err()))
                .as("2 trials × 2 folds × 2 epochs and the refit's 2, counted from the start: " + r.err())
                .isNotEmpty()
                .allMatch(c -> c.endsWith("/10"))
                .last()
                .isEqualTo("10/10");

        JsonNode doc = cli.showJson("tiny");
        assertThat(doc.at("/experiment/name").asText()).isEqualTo("tiny");
        assertThat(doc.at("/experiment/status").asText()).isEqualTo("done");
        assertThat(doc.at("/experiment/spec/cv/folds").asInt()).isEqualTo(2);
        assertThat(r.err()).contains("Backend: CPU");
        assertThat(doc.at("/experiment/provenance/fold_assignment_sha256").asText())
                .hasSize(64);
        assertThat(doc.at("/experiment/provenance/data_files")).hasSize(4);
        assertThat(doc.at("/experiment/provenance/backend/native_build").asText())
                .startsWith("linux-x86_64");
        assertThat(doc.get("trials")).hasSize(2);
        for (JsonNode trial : doc.get("trials")) {
            assertThat(trial.get("status").asText()).isEqualTo("done");
            assertThat(trial.at("/params/lr").asDouble()).isIn(0.01, 0.003);
            assertThat(trial.get("folds")).hasSize(2);
            JsonNode score = trial.get("score");
            assertThat(score.get("n").asInt()).isEqualTo(2);
            assertThat(score.get("too_few_folds").asBoolean())
                    .as("two folds give no interval")
                    .isTrue();
            assertThat(score.get("ci95_low").isNull()).isTrue();
            assertThat(score.get("ci95_high").isNull()).isTrue();
            assertThat(score.get("clipped").asBoolean()).isFalse();
            for (JsonNode fold : trial.get("folds")) {
                assertThat(fold.get("epochs")).hasSize(2);
                JsonNode last = fold.get("epochs").get(1);
                assertThat(last.get("epoch").asInt()).isEqualTo(2);
                assertThat(last.get("val_accuracy").asDouble()).isBetween(0.0, 1.0);
                assertThat(last.get("train_loss").asDouble()).isPositive();
                assertThat(last.get("learning_rate").asDouble())
                        .isEqualTo(trial.at("/params/lr").asDouble());
            }
        }
        assertThat(doc.at("/refit/test_accuracy").asDouble()).isGreaterThan(0.3);

        CliHarness.Result list = cli.runWithDb("list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("tiny").contains("2/2");
    }

    @Test
    void same_spec_twice_gives_identical_results_and_parallel_matches_sequential() throws Exception {
        CliHarness first = new CliHarness(dir.resolve("a"));
        CliHarness second = new CliHarness(dir.resolve("b"));
        assertThat(first.runWithDb("run", first.spec("tiny", CliHarness.TINY).toString(), "--parallel", "1")
                        .exitCode())
                .isZero();
        assertThat(second.runWithDb("run", second.spec("tiny", CliHarness.TINY).toString(), "--parallel", "2")
                        .exitCode())
                .isZero();
        assertThat(curves(second.showJson("tiny"))).isEqualTo(curves(first.showJson("tiny")));
    }

    @Test
    void rerunning_a_finished_experiment_trains_nothing_and_a_changed_spec_is_refused_unless_new() {
        CliHarness cli = new CliHarness(dir);
        Path spec = cli.spec("tiny", CliHarness.TINY);
        assertThat(cli.runWithDb("run", spec.toString()).exitCode()).isZero();
        CliHarness.Result again = cli.runWithDb("run", spec.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already complete");

        Path changed = cli.spec("tiny-changed", CliHarness.TINY.replace("epochs: 2", "epochs: 1"));
        CliHarness.Result refused = cli.runWithDb("run", changed.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .contains("already exists with a different spec")
                .contains("--new");

        assertThat(cli.runWithDb("run", changed.toString(), "--new").exitCode()).isZero();
        assertThat(cli.runWithDb("list")
                        .out()
                        .lines()
                        .filter(l -> l.contains(" tiny "))
                        .count())
                .isEqualTo(2);
    }

    @Test
    void a_diverging_trial_is_marked_failed_with_its_message_and_the_search_goes_on() throws Exception {
        CliHarness cli = new CliHarness(dir);
        String yaml =
                CliHarness.TINY.replace("optimizer: adam", "optimizer: sgd").replace("[0.01, 0.003]", "[1.0e10, 0.05]");
        CliHarness.Result r = cli.runWithDb("run", cli.spec("tiny", yaml).toString(), "--parallel", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("trial 0 failed: fold [01]: loss became NaN in epoch 1");
        JsonNode doc = cli.showJson("tiny");
        assertThat(doc.at("/trials/0/status").asText()).isEqualTo("failed");
        assertThat(doc.at("/trials/0/error").asText()).contains("NaN");
        assertThat(doc.at("/trials/0/score").isNull()).isTrue();
        assertThat(doc.at("/trials/1/status").asText()).isEqualTo("done");
        assertThat(doc.at("/refit/trial_index").asInt()).isEqualTo(1);
    }

    /** Everything that must be reproducible: params, seeds and every stored metric except wall time. */
    static String curves(JsonNode doc) {
        StringBuilder out = new StringBuilder();
        for (JsonNode trial : doc.get("trials")) {
            out.append(trial.get("params"))
                    .append(trial.get("seed"))
                    .append(trial.get("score"))
                    .append('\n');
            for (JsonNode fold : trial.get("folds")) {
                out.append(fold.get("fold")).append(fold.get("seed"));
                for (JsonNode e : fold.get("epochs")) {
                    out.append(e.get("train_loss"))
                            .append(e.get("train_accuracy"))
                            .append(e.get("val_loss"))
                            .append(e.get("val_accuracy"))
                            .append(e.get("learning_rate"))
                            .append(';');
                }
                out.append('\n');
            }
        }
        out.append(doc.at("/refit/test_accuracy")).append(doc.at("/refit/test_loss"));
        return out.toString();
    }
}
