package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Successive halving across folds through the real CLI: rungs at 1 and 2 epochs of 4, reduction factor 2, so
 * of four trials two continue after epoch 1 and one after epoch 2. Pruned trials keep their curves up to the
 * rung; continued folds are bit for bit the folds of the same spec run without pruning.
 */
class HalvingRunTest {

    static final String GRID = CliHarness.TINY
            .replace("epochs: 2", "epochs: 4")
            .replace("lr: {values: [0.01, 0.003]}", "lr: {values: [0.03, 0.01, 0.003, 0.0003]}");
    static final String HALVING = GRID.replace(
            "  strategy: grid\n",
            "  strategy: grid\n  pruning: {method: halving, min_epochs: 1, reduction_factor: 2}\n");

    @TempDir
    static Path shared;

    private static JsonNode sequential;
    private static String progress;
    private static CliHarness first;

    @BeforeAll
    static void runAtParallelOne() throws Exception {
        first = new CliHarness(shared.resolve("p1"));
        CliHarness.Result r = first.runWithDb("run", first.spec("tiny", HALVING).toString(), "--parallel", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        sequential = first.showJson("tiny");
        progress = r.err();
    }

    @Test
    void theProgressBarCountsOnlyTheEpochsTrainedFromTheStart() {
        // folds reach epochs 1, 1, 2 and 4: 2 × 8 fold epochs, and the refit's 4
        assertThat(CliHarness.epochCounts(progress))
                .as(progress)
                .isNotEmpty()
                .allMatch(c -> c.endsWith("/20"))
                .last()
                .isEqualTo("20/20");
        assertThat(progress).contains("100%");
    }

    @Test
    void rungsPruneTheWorseTrialsAndKeepTheirCurvesUpToTheRung() {
        List<String> statuses = new ArrayList<>();
        List<Integer> epochsTrained = new ArrayList<>();
        for (JsonNode t : sequential.get("trials")) {
            statuses.add(t.get("status").asText());
            epochsTrained.add(t.get("folds").get(0).get("epochs").size());
            for (JsonNode f : t.get("folds")) {
                assertThat(f.get("epochs").size()).isEqualTo(epochsTrained.get(epochsTrained.size() - 1));
            }
        }
        assertThat(statuses)
                .containsOnly("done", "pruned")
                .filteredOn("done"::equals)
                .hasSize(1);
        assertThat(epochsTrained).containsExactlyInAnyOrder(1, 1, 2, 4);
        for (JsonNode t : sequential.get("trials")) {
            boolean pruned = "pruned".equals(t.get("status").asText());
            assertThat(t.get("pruned_at_epoch").isNull()).isEqualTo(!pruned);
            if (pruned) {
                assertThat(t.get("pruned_at_epoch").asInt())
                        .isEqualTo(t.get("folds").get(0).get("epochs").size());
                assertThat(t.get("score").isNull())
                        .as("a pruned trial has no cross-validated score")
                        .isTrue();
                assertThat(t.at("/rung/score").asDouble()).isBetween(0.0, 1.0);
            }
        }
        assertThat(sequential.at("/experiment/status").asText()).isEqualTo("done");
        assertThat(sequential.at("/refit/status").asText()).isEqualTo("done");
        int best = -1;
        for (JsonNode t : sequential.get("trials")) {
            best = "done".equals(t.get("status").asText()) ? t.get("index").asInt() : best;
        }
        assertThat(sequential.at("/refit/trial_index").asInt())
                .as("the refit trains the surviving trial")
                .isEqualTo(best);
    }

    @Test
    void continuedAndPrunedFoldsAreBitForBitTheUnprunedRun(@TempDir Path dir) throws Exception {
        CliHarness grid = new CliHarness(dir);
        CliHarness.Result r = grid.runWithDb("run", grid.spec("tiny", GRID).toString(), "--parallel", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode full = grid.showJson("tiny");
        for (int t = 0; t < 4; t++) {
            JsonNode halved = sequential.get("trials").get(t);
            for (int f = 0; f < 2; f++) {
                JsonNode epochs = halved.get("folds").get(f).get("epochs");
                JsonNode reference =
                        full.get("trials").get(t).get("folds").get(f).get("epochs");
                for (int e = 0; e < epochs.size(); e++) {
                    assertThat(metrics(epochs.get(e)))
                            .as("trial %d fold %d epoch %d", t, f, e + 1)
                            .isEqualTo(metrics(reference.get(e)));
                }
            }
        }
    }

    @Test
    void parallelTwoGivesTheSameExperiment(@TempDir Path dir) throws Exception {
        CliHarness second = new CliHarness(dir);
        CliHarness.Result r =
                second.runWithDb("run", second.spec("tiny", HALVING).toString(), "--parallel", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = second.showJson("tiny");
        assertThat(RunCommandTest.curves(doc)).isEqualTo(RunCommandTest.curves(sequential));
        assertThat(statuses(doc)).isEqualTo(statuses(sequential));
    }

    @Test
    void theLeaderboardShowsPrunedTrialsWithTheirRung() {
        CliHarness.Result r = first.runWithDb("show", "tiny");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("pruned")
                .containsPattern("@ epoch 1 \\(rung\\)")
                .containsPattern("@ epoch 2 \\(rung\\)");
    }

    @Test
    void reproduceVerifiesAPrunedTrialUpToItsRungAndTheSurvivorToTheEnd() {
        int verified = 0;
        for (JsonNode t : sequential.get("trials")) {
            int epochs = t.at("/folds/0/epochs").size();
            if (epochs == 4 || (epochs == 1 && t.get("index").asInt() == firstPrunedAtOne())) {
                CliHarness.Result r = first.runWithDb(
                        "reproduce", "tiny", "--trial", t.get("index").asText());
                assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
                assertThat(r.out()).contains("identical").contains("2 fold(s), " + 2 * epochs + " epoch(s)");
                verified++;
            }
        }
        assertThat(verified).isEqualTo(2);
    }

    private static int firstPrunedAtOne() {
        for (JsonNode t : sequential.get("trials")) {
            if (t.get("pruned_at_epoch").asInt() == 1) {
                return t.get("index").asInt();
            }
        }
        throw new AssertionError("no trial pruned at epoch 1");
    }

    @Test
    void theApiShowsPrunedTrialsAndTheRungs() throws Exception {
        try (dev.workbench.web.Dashboard dashboard =
                dev.workbench.web.Dashboard.start(first.dbUrl(), "127.0.0.1", 0, true)) {
            long id = sequential.at("/experiment/id").asLong();
            JsonNode search = get(dashboard.url() + "api/experiments/" + id + "/search");
            assertThat(search.get("rungs")).hasSize(2);
            assertThat(search.at("/rungs/0/epoch").asInt()).isEqualTo(1);
            assertThat(search.at("/rungs/0/ranked").asInt()).isEqualTo(4);
            assertThat(search.at("/rungs/0/kept").asInt()).isEqualTo(2);
            assertThat(search.at("/rungs/1/kept").asInt()).isEqualTo(1);
            List<String> pruned = new ArrayList<>();
            search.get("trials").forEach(t -> pruned.add(t.get("status").asText() + "@" + t.get("pruned_at_epoch")));
            assertThat(pruned).isEqualTo(statuses(sequential));
            JsonNode page = get(dashboard.url() + "api/experiments/" + id);
            List<String> shown = new ArrayList<>();
            page.get("trials").forEach(t -> shown.add(t.get("status").asText()));
            assertThat(shown)
                    .containsOnly("done", "pruned")
                    .filteredOn("pruned"::equals)
                    .hasSize(3);
            assertThat(new java.net.URL(dashboard.url() + "api/experiments/999/search").openConnection())
                    .satisfies(c -> assertThat(((java.net.HttpURLConnection) c).getResponseCode())
                            .isEqualTo(404));
        }
    }

    private static JsonNode get(String url) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    private static String metrics(JsonNode e) {
        return e.get("train_loss") + " " + e.get("train_accuracy") + " " + e.get("val_loss") + " "
                + e.get("val_accuracy") + " " + e.get("learning_rate");
    }

    private static List<String> statuses(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.get("trials").forEach(t -> out.add(t.get("status").asText() + "@" + t.get("pruned_at_epoch")));
        return out;
    }
}
