package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TPE through the real CLI: startup trials, then batches proposed as results come in; the same at any parallelism. */
class TpeRunTest {

    static final String TPE = CliHarness.TINY
            .replace("epochs: 2", "epochs: 1")
            .replace(
                    "  strategy: grid\n",
                    "  strategy: tpe\n  max_trials: 7\n  tpe: {startup_trials: 3, batch: 2, candidates: 16}\n")
            .replace(
                    "lr: {values: [0.01, 0.003]}",
                    "lr: {min: 0.0003, max: 0.03, scale: log}\n    units: {min: 8, max: 24, type: int}")
            .replace("dense: {units: 16}", "dense: {units: ${units}}");

    @Test
    void startupThenBatchesProposedByTpeIdenticalAtParallelOneAndTwo(@TempDir Path dir) throws Exception {
        CliHarness one = new CliHarness(dir.resolve("p1"));
        CliHarness.Result r1 = one.runWithDb("run", one.spec("tiny", TPE).toString(), "--parallel", "1");
        assertThat(r1.exitCode()).as(r1.err()).isZero();
        CliHarness two = new CliHarness(dir.resolve("p2"));
        CliHarness.Result r2 = two.runWithDb("run", two.spec("tiny", TPE).toString(), "--parallel", "2");
        assertThat(r2.exitCode()).as(r2.err()).isZero();

        // 7 trials × 2 folds × 1 epoch, and the refit's epoch, all counted before the first batch is proposed
        assertThat(CliHarness.epochCounts(r1.err()))
                .as(r1.err())
                .isNotEmpty()
                .allMatch(c -> c.endsWith("/15"))
                .last()
                .isEqualTo("15/15");
        JsonNode doc = one.showJson("tiny");
        assertThat(doc.get("trials")).hasSize(7);
        StringBuilder proposals = new StringBuilder();
        for (JsonNode t : doc.get("trials")) {
            int index = t.get("index").asInt();
            int batch = index < 3 ? 0 : 1 + (index - 3) / 2;
            assertThat(t.at("/proposal/batch").asInt()).as("trial %d", index).isEqualTo(batch);
            assertThat(t.at("/proposal/model").asText()).isEqualTo(batch == 0 ? "random" : "tpe");
            assertThat(t.get("status").asText()).isEqualTo("done");
            assertThat(t.at("/params/units").asDouble()).isBetween(8.0, 24.0);
            proposals.append(t.get("params"));
        }
        assertThat(doc.at("/experiment/status").asText()).isEqualTo("done");
        assertThat(doc.at("/refit/status").asText()).isEqualTo("done");
        assertThat(RunCommandTest.curves(two.showJson("tiny"))).isEqualTo(RunCommandTest.curves(doc));
        System.out.println("TPE proposals: " + proposals);
    }
}
