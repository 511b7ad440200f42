package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workbench.cli.DashboardFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON API over real HTTP on a random port, on a database made by real runs. */
@Tag("slow")
class DashboardApiTest {

    private static Dashboard dashboard;
    private static Http http;
    private static long grid;
    private static long tiny;

    @BeforeAll
    static void start() {
        dashboard = Dashboard.start(DashboardFixture.database(), "127.0.0.1", 0, true);
        http = new Http(dashboard.url());
        JsonNode list = http.json("/api/experiments");
        grid = list.get(0).get("id").asLong();
        tiny = list.get(1).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void experiments_are_listed_newest_first_with_progress_and_best_score() {
        JsonNode list = http.json("/api/experiments");
        assertThat(list).hasSize(2);
        JsonNode g = list.get(0);
        assertThat(g.get("name").asText()).isEqualTo("grid");
        assertThat(list.get(1).get("name").asText()).isEqualTo("tiny");
        assertThat(g.get("strategy").asText()).isEqualTo("grid");
        assertThat(g.get("status").asText()).isEqualTo("done");
        assertThat(g.get("trials_total").asInt()).isEqualTo(6);
        assertThat(g.get("trials_done").asInt()).isEqualTo(4);
        assertThat(g.get("trials_failed").asInt()).isEqualTo(2);
        assertThat(g.get("best_score").asDouble()).isBetween(0.0, 1.0);
        assertThat(g.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void an_experiment_shows_the_workers_that_trained_it_and_the_units_whose_attempts_failed() {
        JsonNode q = http.json("/api/experiments/" + grid).get("queue");
        assertThat(q.get("done").asInt()).as("12 folds and the refit").isEqualTo(13);
        assertThat(q.get("queued").asInt() + q.get("running").asInt()).isZero();
        assertThat(q.get("failed").asInt())
                .as("the folds of the two diverging trials")
                .isEqualTo(6);
        JsonNode w = q.get("workers").get(0);
        assertThat(q.get("workers")).hasSize(1);
        assertThat(w.get("worker").asText()).matches(".+:\\d+");
        assertThat(w.get("units_done").asInt()).isEqualTo(13);
        assertThat(w.get("current")).isEmpty();
        assertThat(w.get("last_heartbeat").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(q.get("retried")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("state").asText()).isEqualTo("failed");
            assertThat(r.get("failures").asInt())
                    .as("divergence is not retried")
                    .isEqualTo(1);
            assertThat(r.get("max_attempts").asInt()).isEqualTo(3);
            assertThat(r.get("error").asText()).contains("NaN");
        });
    }

    @Test
    void an_experiment_has_every_trial_ranked_with_fold_scores_and_the_failures_with_their_error() {
        JsonNode e = http.json("/api/experiments/" + grid);
        assertThat(e.at("/experiment/metric").asText()).isEqualTo("val_accuracy");
        assertThat(e.at("/experiment/spec/cv/folds").asInt()).isEqualTo(3);
        assertThat(e.at("/experiment/provenance/fold_assignment_sha256").asText())
                .hasSize(64);
        assertThat(e.at("/progress/trials_done").asInt()).isEqualTo(4);
        assertThat(e.at("/progress/epochs_recorded").asLong()).isEqualTo(4 * 3 * 4);
        assertThat(e.get("parameters")).extracting(p -> p.get("name").asText()).containsExactly("lr", "units");
        assertThat(e.get("parameters")).allMatch(p -> p.get("varying").asBoolean());
        assertThat(e.at("/parameters/1/values").toString()).isEqualTo("[8.0,16.0]");
        JsonNode trials = e.get("trials");
        assertThat(trials).hasSize(6);
        List<Integer> ranks = new ArrayList<>();
        for (JsonNode t : trials) {
            if (t.get("params").get("lr").asDouble() > 1) {
                assertThat(t.get("status").asText()).isEqualTo("failed");
                assertThat(t.get("error").asText()).contains("NaN");
                assertThat(t.get("score").isNull()).isTrue();
                assertThat(t.get("rank").isNull()).isTrue();
                continue;
            }
            assertThat(t.get("status").asText()).isEqualTo("done");
            ranks.add(t.get("rank").asInt());
            JsonNode s = t.get("score");
            assertThat(s.get("n").asInt()).isEqualTo(3);
            assertThat(s.get("ci95_low").asDouble())
                    .isLessThanOrEqualTo(s.get("mean").asDouble());
            assertThat(s.get("ci95_high").asDouble())
                    .isGreaterThanOrEqualTo(s.get("mean").asDouble());
            assertThat(s.get("ci95_low").asDouble()).isGreaterThanOrEqualTo(0.0);
            assertThat(s.get("ci95_high").asDouble())
                    .as("accuracy intervals are clipped to 1")
                    .isLessThanOrEqualTo(1.0);
            assertThat(s.get("too_few_folds").asBoolean()).isFalse();
            assertThat(s.has("clipped")).isTrue();
            assertThat(t.get("fold_scores")).hasSize(3);
            double mean = StreamSupport.stream(t.get("fold_scores").spliterator(), false)
                    .mapToDouble(f -> f.get("value").asDouble())
                    .average()
                    .orElseThrow();
            assertThat(mean).isCloseTo(s.get("mean").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(t.get("folds_done").asInt()).isEqualTo(3);
            assertThat(t.get("params").get("units").isInt()).isTrue();
        }
        assertThat(ranks).containsExactlyInAnyOrder(1, 2, 3, 4);
        JsonNode best = StreamSupport.stream(trials.spliterator(), false)
                .filter(t -> t.get("rank").asInt() == 1)
                .findFirst()
                .orElseThrow();
        assertThat(best.at("/test/accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(e.at("/refit/trial_index").asInt())
                .isEqualTo(best.get("index").asInt());
    }

    @Test
    void progress_reports_counts_and_recorded_epochs() {
        JsonNode p = http.json("/api/experiments/" + tiny + "/progress");
        assertThat(p.get("status").asText()).isEqualTo("done");
        assertThat(p.get("trials_total").asInt()).isEqualTo(2);
        assertThat(p.get("trials_done").asInt()).isEqualTo(2);
        assertThat(p.get("epochs_recorded").asLong()).isEqualTo(2 * 2 * 2);
    }

    @Test
    void curves_give_each_trial_its_mean_with_min_max_band_and_every_fold() {
        List<Long> ids = trialIds(grid, "done");
        String path = "/api/experiments/" + grid + "/curves?metric=val_loss&trials=" + ids.get(1) + "," + ids.get(0);
        JsonNode c = http.json(path);
        assertThat(c.get("metric").asText()).isEqualTo("val_loss");
        assertThat(c.get("band").asText()).isEqualTo("min-max over folds");
        assertThat(c.get("trials")).extracting(t -> t.get("id").asLong()).containsExactly(ids.get(1), ids.get(0));
        for (JsonNode t : c.get("trials")) {
            assertThat(t.get("epochs").asInt()).isEqualTo(4);
            assertThat(t.get("mean")).hasSize(4);
            assertThat(t.get("folds")).hasSize(3);
            for (JsonNode p : t.get("mean")) {
                assertThat(p.get(2).asDouble()).isLessThanOrEqualTo(p.get(1).asDouble());
                assertThat(p.get(3).asDouble()).isGreaterThanOrEqualTo(p.get(1).asDouble());
                assertThat(p.get(4).asInt()).isEqualTo(3);
            }
            assertThat(t.at("/folds/0/points")).hasSize(4);
        }
        JsonNode two = http.json(path + "&points=2");
        assertThat(two.at("/trials/0/mean")).extracting(p -> p.get(0).asInt()).containsExactly(1, 4);
        assertThat(two.at("/trials/0/folds/1/points"))
                .extracting(p -> p.get(0).asInt())
                .containsExactly(1, 4);
    }

    @Test
    void a_failed_trial_shows_its_error_and_the_fold_that_diverged() {
        long failed = trialIds(grid, "failed").get(0);
        JsonNode t = http.json("/api/trials/" + failed);
        assertThat(t.at("/trial/status").asText()).isEqualTo("failed");
        assertThat(t.at("/trial/error").asText()).contains("loss became NaN");
        assertThat(t.get("folds"))
                .anyMatch(f -> f.get("status").asText().equals("failed")
                        && f.get("error").asText().contains("NaN"));
        JsonNode c = http.json("/api/experiments/" + grid + "/curves?metric=train_loss&trials=" + failed);
        assertThat(c.at("/trials/0/status").asText()).isEqualTo("failed");
    }

    @Test
    void a_trial_has_its_folds_with_seeds_and_epochs_and_provenance() throws Exception {
        long id = trialIds(tiny).get(1);
        JsonNode t = http.json("/api/trials/" + id);
        JsonNode cli = DashboardFixture.showJson("tiny");
        assertThat(t.at("/experiment/name").asText()).isEqualTo("tiny");
        assertThat(t.at("/trial/index").asInt()).isEqualTo(1);
        assertThat(Long.parseLong(t.at("/trial/seed").asText()))
                .isEqualTo(cli.at("/trials/1/seed").asLong());
        assertThat(t.get("folds")).hasSize(2);
        assertThat(t.get("folds"))
                .allMatch(f -> f.get("seed").isTextual()
                        && f.get("epochs").size() == 2
                        && f.get("epochs_total").asInt() == 2
                        && f.at("/epochs/1/val_accuracy").isNumber());
        assertThat(t.at("/folds/0/seed").asText())
                .isEqualTo(cli.at("/trials/1/folds/0/seed").asText())
                .isNotEqualTo(t.at("/folds/1/seed").asText());
        assertThat(t.at("/provenance/experiment/backend/native_build").asText()).startsWith("linux-x86_64");
        assertThat(http.json("/api/trials/" + id + "?points=2").at("/folds/0/epochs"))
                .hasSize(2);
    }

    @Test
    void the_best_trial_shows_its_provenance_reproduction_and_exported_model_for_download() throws Exception {
        JsonNode cli = DashboardFixture.showJson("grid");
        int best = cli.at("/refit/trial_index").asInt();
        long id = trialIds(grid).get(best);
        JsonNode t = http.json("/api/trials/" + id);
        assertThat(t.at("/trial/index").asInt()).isEqualTo(best);
        assertThat(t.at("/provenance/trial/seed").asText())
                .isEqualTo(cli.at("/trials/" + best + "/seed").asText());
        assertThat(t.at("/reproduction/outcome").asText()).isEqualTo("identical");
        assertThat(t.at("/reproduction/fold").isNull()).isTrue();
        assertThat(t.get("exports")).hasSize(1);
        JsonNode export = t.at("/exports/0");
        assertThat(export.get("fold").isNull()).isTrue();
        assertThat(export.get("zip_sha256").asText())
                .isEqualTo(cli.at("/exports/0/zip_sha256").asText());
        assertThat(export.get("folder").asText()).isEqualTo("trial-" + best + "-refit");
        assertThat(export.toString())
                .as("no file-system paths")
                .doesNotContain(java.nio.file.Path.of("target").toAbsolutePath().toString())
                .doesNotContain("directory");

        Http.Answer zip = http.get(export.get("model_url").asText());
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.body()).startsWith("PK");
        JsonNode manifest = http.json(export.get("manifest_url").asText());
        assertThat(manifest.toString()).contains(export.get("zip_sha256").asText());

        JsonNode other = http.json("/api/trials/" + trialIds(grid, "failed").get(0));
        assertThat(other.get("reproduction").isNull()).isTrue();
        assertThat(other.get("exports")).isEmpty();
    }

    @Test
    void compare_diffs_parameters_and_tests_each_trial_against_the_best_on_paired_folds() {
        JsonNode e = http.json("/api/experiments/" + grid);
        List<Long> done = new ArrayList<>();
        e.get("trials").forEach(t -> {
            if (t.get("status").asText().equals("done")) {
                done.add(t.get("id").asLong());
            }
        });
        JsonNode c = http.json("/api/compare?trials=" + done.get(0) + "," + done.get(1) + "," + done.get(2));
        assertThat(c.get("trials")).hasSize(3);
        assertThat(c.get("params")).extracting(p -> p.get("name").asText()).containsExactly("lr", "units");
        assertThat(c.get("params")).anyMatch(p -> p.get("differs").asBoolean());
        long reference = c.get("reference").asLong();
        int bestRank = StreamSupport.stream(c.get("trials").spliterator(), false)
                .mapToInt(t -> t.get("rank").asInt())
                .min()
                .orElseThrow();
        assertThat(c.get("trials"))
                .anyMatch(
                        t -> t.get("id").asLong() == reference && t.get("rank").asInt() == bestRank);
        assertThat(c.get("tests")).hasSize(2);
        for (JsonNode test : c.get("tests")) {
            assertThat(test.get("reference").asLong()).isEqualTo(reference);
            assertThat(test.get("folds")).hasSize(3);
            assertThat(test.at("/test/n").asInt()).isEqualTo(3);
            assertThat(test.at("/test/verdict").asText()).containsPattern("significant|identical|same difference");
        }
    }

    @Test
    void comparing_with_a_failed_trial_pairs_only_the_folds_both_finished() {
        JsonNode c = http.json("/api/compare?trials=" + trialIds(grid, "done").get(0) + ","
                + trialIds(grid, "failed").get(0));
        JsonNode test = c.at("/tests/0");
        assertThat(test.at("/test/n").asInt()).isZero();
        assertThat(test.get("folds")).isEmpty();
        assertThat(test.at("/test/verdict").asText())
                .isEqualTo("not enough paired folds (n = 0): a paired test needs at least 2");
        assertThat(test.at("/test/p_value").isNull()).isTrue();
        assertThat(test.at("/test/significant").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/experiments/999999|404|no experiment with id 999999",
                "/api/experiments/999999/progress|404|no experiment with id 999999",
                "/api/trials/999999|404|no trial with id 999999",
                "/api/compare?trials=999998,999999|404|no trial with id 999998",
                "/api/nothing-here|404|not found",
                "/api/exports/999999/model.zip|404|no export with id 999999",
                "/api/exports/1/weights.bin|404|an export has only model.zip and manifest.json",
                "/api/experiments/abc|400|id: expected a positive integer id, got 'abc'",
                "/api/trials/-3|400|id: expected a positive integer id, got '-3'",
                "/api/compare|400|trials: required",
                "/api/compare?trials=7|400|trials: expected 2 to 50 distinct trial ids, got 1",
                "/api/compare?trials=1,x|400|trials: expected a positive integer id, got 'x'",
                "/api/trials/1?points=1|400|points: expected an integer from 2 to 5000, got '1'",
            })
    void bad_requests_get_a_json_error_and_no_stack_trace(String path, int status, String message) {
        Http.Answer a = http.get(path);
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/json");
        assertThat(a.json().get("error").asText()).contains(message);
        assertThat(a.json().get("status").asInt()).isEqualTo(status);
        assertThat(a.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void curve_parameters_are_checked_against_the_experiment() {
        long other = trialIds(tiny).get(0);
        Http.Answer wrongExperiment = http.get("/api/experiments/" + grid + "/curves?trials=" + other);
        assertThat(wrongExperiment.status()).isEqualTo(400);
        assertThat(wrongExperiment.json().get("error").asText()).contains("belongs to experiment " + tiny);
        Http.Answer mixed =
                http.get("/api/compare?trials=" + other + "," + trialIds(grid).get(1));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("error").asText()).contains("only trials of one experiment share folds");
        Http.Answer metric = http.get("/api/experiments/" + grid + "/curves?metric=f1&trials="
                + trialIds(grid).get(1));
        assertThat(metric.status()).isEqualTo(400);
        assertThat(metric.json().get("error").asText())
                .isEqualTo("metric: expected one of train_loss, train_accuracy, val_loss, val_accuracy, got 'f1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void nothing_can_be_written(String method) {
        String before = http.get("/api/experiments/" + grid).body();
        for (String path : List.of(
                "/api/experiments",
                "/api/experiments/" + grid,
                "/api/trials/" + trialIds(grid).get(1))) {
            Http.Answer a = http.send(method, path);
            assertThat(a.status()).as(method + " " + path).isEqualTo(405);
            assertThat(a.json().get("error").asText()).startsWith("the dashboard is read-only");
        }
        assertThat(http.get("/api/experiments/" + grid).body()).isEqualTo(before);
    }

    @Test
    void pages_and_the_charting_library_are_served_from_the_jar() {
        assertThat(http.get("/").body()).contains("<title>Experiments");
        for (String page :
                List.of("/experiment.html", "/trial.html", "/compare.html", "/js/common.js", "/css/dashboard.css")) {
            assertThat(http.get(page).status()).as(page).isEqualTo(200);
        }
        Http.Answer echarts = http.get("/webjars/echarts/5.5.0/echarts.min.js");
        assertThat(echarts.status()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
    }

    private static List<Long> trialIds(long experiment) {
        return trialIds(experiment, "");
    }

    /** Ids of the experiment's trials with that status ("" for all), in index order. */
    private static List<Long> trialIds(long experiment, String status) {
        List<Long> ids = new ArrayList<>();
        http.json("/api/experiments/" + experiment).get("trials").forEach(t -> {
            if (status.isEmpty() || t.get("status").asText().equals(status)) {
                ids.add(t.get("id").asLong());
            }
        });
        return ids;
    }
}
