package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workbench.cli.DashboardFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Steps, weight spreads, confusion matrices and mistakes in {@code show --json} and the API, on the fixture's
 * real runs: grid has 240 training rows in 3 folds (160 train / 80 validation each, batch 32, 4 epochs) and
 * 100 test rows; its refit was exported.
 */
@Tag("slow")
class TrainingViewsApiTest {

    private static final int TRAIN_ROWS = 240;
    private static final int TEST_ROWS = 100;

    private static Dashboard dashboard;
    private static Http http;
    private static long grid;

    @BeforeAll
    static void start() {
        dashboard = Dashboard.start(DashboardFixture.database(), "127.0.0.1", 0, true);
        http = new Http(dashboard.url());
        grid = http.json("/api/experiments").get(0).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void show_json_out_of_fold_matrix_counts_every_training_row_once() throws Exception {
        JsonNode doc = DashboardFixture.showJson("grid");
        int done = 0;
        for (JsonNode t : doc.get("trials")) {
            boolean failed = t.get("status").asText().equals("failed");
            assertThat(t.get("weights_warning").asBoolean())
                    .as("trial %s", t.get("index"))
                    .isEqualTo(failed);
            if (failed) {
                assertThat(t.get("out_of_fold").isNull()).isTrue();
                for (JsonNode f : t.get("folds")) {
                    // the diverging epoch's steps are kept: 5 batches of 32 of the fold's 160 training rows
                    assertThat(f.get("steps")).hasSize(5);
                    assertThat(f.get("weights")).hasSize(2 * 6);
                }
                continue;
            }
            done++;
            JsonNode oof = t.get("out_of_fold");
            assertThat(oof.get("total").asLong()).isEqualTo(TRAIN_ROWS);
            assertThat(sum(oof.get("matrix"))).isEqualTo(TRAIN_ROWS);
            assertThat(oof.get("parts").asInt()).isEqualTo(3);
            assertThat(oof.get("per_class_accuracy")).hasSize(10);
            long folds = 0;
            for (JsonNode f : t.get("folds")) {
                folds += f.at("/confusion/total").asLong();
                assertThat(f.at("/confusion/accuracy").asDouble())
                        .isEqualTo(last(f.get("epochs")).get("val_accuracy").asDouble());
                assertThat(f.get("steps")).hasSize(4 * 5);
                assertThat(f.get("weights")).hasSize(5 * 6);
            }
            assertThat(folds).isEqualTo(TRAIN_ROWS);
        }
        assertThat(done).isEqualTo(4);
    }

    @Test
    void show_json_test_matrices_sum_to_the_test_set_and_match_the_stored_test_accuracy() throws Exception {
        JsonNode doc = DashboardFixture.showJson("grid");
        List<JsonNode> tests = new ArrayList<>();
        doc.get("tests").forEach(tests::add);
        assertThat(tests).hasSize(2);
        JsonNode refit = tests.stream()
                .filter(t -> t.get("export_id").isNull())
                .findFirst()
                .orElseThrow();
        JsonNode export = tests.stream()
                .filter(t -> !t.get("export_id").isNull())
                .findFirst()
                .orElseThrow();
        for (JsonNode test : tests) {
            JsonNode c = test.get("confusion");
            assertThat(c.get("total").asLong()).isEqualTo(TEST_ROWS);
            assertThat(sum(c.get("matrix"))).isEqualTo(TEST_ROWS);
            assertThat(test.get("mistakes"))
                    .hasSize((int) (TEST_ROWS - c.get("correct").asLong()));
        }
        JsonNode c = refit.get("confusion");
        assertThat(c.get("correct").asLong() / (double) TEST_ROWS)
                .isEqualTo(doc.at("/refit/test_accuracy").asDouble());
        assertThat(export.get("confusion")).isEqualTo(c);
        assertThat(export.at("/confusion/accuracy").asDouble())
                .isEqualTo(doc.at("/exports/0/test_accuracy").asDouble());
        JsonNode mistakes = refit.get("mistakes");
        for (int i = 1; i < mistakes.size(); i++) {
            assertThat(mistakes.get(i).get("probability").asDouble())
                    .isLessThanOrEqualTo(mistakes.get(i - 1).get("probability").asDouble());
        }
    }

    @Test
    void trial_api_has_steps_with_bands_weight_spreads_and_the_out_of_fold_matrix() {
        JsonNode training = http.json("/api/trials/" + bestTrialId()).get("training");
        JsonNode steps = training.get("steps");
        assertThat(steps.get("folds")).hasSize(3);
        for (JsonNode f : steps.get("folds")) {
            assertThat(f.get("steps_total").asInt()).isEqualTo(20);
            JsonNode first = f.get("steps").get(0);
            assertThat(first.get(0).asLong()).isEqualTo(1); // iteration
            assertThat(first.get(1).asLong()).isEqualTo(32); // images seen
            assertThat(first.get(2).asDouble()).isEqualTo(0.2); // epochs: batch 1 of 5
            assertThat(first.get(5).isNull()).isTrue(); // no validation within the epoch
            assertThat(f.get("steps").get(4).get(5).isNull()).isFalse();
        }
        assertThat(steps.at("/bands/train_loss")).hasSize(20);
        assertThat(steps.at("/bands/val_accuracy")).hasSize(4);
        assertThat(steps.at("/bands/train_loss/0/6").asInt()).isEqualTo(3);
        JsonNode weights = training.get("weights");
        assertThat(weights).hasSize(3);
        assertThat(weights.get(0).get("layers"))
                .extracting(
                        l -> l.get("layer_type").asText() + ":" + l.get("param").asText())
                .containsExactly("conv:W", "conv:b", "dense:W", "dense:b", "output:W", "output:b");
        assertThat(weights.at("/0/layers/0/points")).hasSize(5);
        assertThat(weights.at("/0/layers/0/points/0")).hasSize(11);
        assertThat(training.get("warn_magnitude").asDouble()).isEqualTo(100.0);
        assertThat(training.get("weights_warning").asBoolean()).isFalse();
        assertThat(training.at("/out_of_fold/total").asLong()).isEqualTo(TRAIN_ROWS);
    }

    @Test
    void curves_can_be_drawn_against_iterations_or_images_seen_with_the_same_bands() {
        long best = bestTrialId();
        String base = "/api/experiments/" + grid + "/curves?trials=" + best;
        JsonNode train = http.json(base + "&metric=train_loss&x=iterations")
                .get("trials")
                .get(0);
        assertThat(train.get("mean")).hasSize(20);
        assertThat(train.at("/mean/19/0").asLong()).isEqualTo(20);
        assertThat(train.at("/mean/0/4").asInt()).isEqualTo(3);
        assertThat(train.at("/mean/0/2").asDouble())
                .isLessThanOrEqualTo(train.at("/mean/0/1").asDouble());
        assertThat(train.get("folds")).hasSize(3).allMatch(f -> f.get("points").size() == 20);
        JsonNode images =
                http.json(base + "&metric=train_loss&x=images").get("trials").get(0);
        assertThat(images.at("/mean/19/0").asLong()).isEqualTo(4 * 160);
        JsonNode val = http.json(base + "&metric=val_accuracy&x=iterations");
        assertThat(val.get("x").asText()).isEqualTo("iterations");
        assertThat(val.at("/trials/0/mean")).extracting(p -> p.get(0).asLong()).containsExactly(5L, 10L, 15L, 20L);
        JsonNode byEpoch = http.json(base + "&metric=val_accuracy");
        assertThat(val.at("/trials/0/mean/3/1").asDouble())
                .isEqualTo(byEpoch.at("/trials/0/mean/3/1").asDouble());
        JsonNode capped = http.json(base + "&metric=train_loss&x=iterations&points=5")
                .get("trials")
                .get(0);
        assertThat(capped.get("mean")).hasSize(5);
        assertThat(capped.at("/folds/0/points")).hasSize(5);
        Http.Answer bad = http.get(base + "&x=seconds");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).startsWith("x: expected one of epochs, iterations, images");
    }

    @Test
    void the_refitted_trial_shows_its_test_diagnoses_with_png_images_of_its_mistakes() {
        JsonNode tests = http.json("/api/trials/" + bestTrialId()).at("/training/tests");
        assertThat(tests).extracting(t -> t.get("source").asText()).containsExactly("refit", "export");
        JsonNode mistake = tests.get(0).get("mistakes").get(0);
        Http.Answer image = http.get(mistake.get("image_url").asText());
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.body().getBytes(StandardCharsets.ISO_8859_1).length).isGreaterThan(8);
        assertThat(image.body()).contains("PNG");
        long id = tests.get(0).get("id").asLong();
        assertThat(http.get("/api/diagnoses/" + id + "/mistakes/x.png").status())
                .isEqualTo(400);
        assertThat(http.get("/api/diagnoses/" + id + "/mistakes/999.png").status())
                .isEqualTo(404);
    }

    @Test
    void compare_carries_each_trials_out_of_fold_per_class_accuracy() {
        JsonNode trials = http.json("/api/experiments/" + grid).get("trials");
        List<String> ids = new ArrayList<>();
        trials.forEach(t -> ids.add(t.get("id").asText()));
        JsonNode page = http.json("/api/compare?trials=" + String.join(",", ids));
        JsonNode oof = page.get("out_of_fold");
        assertThat(oof).hasSize(6);
        for (int i = 0; i < 6; i++) {
            boolean failed = page.at("/trials/" + i + "/status").asText().equals("failed");
            assertThat(oof.get(i).isNull()).isEqualTo(failed);
            assertThat(page.at("/trials/" + i + "/weights_warning").asBoolean()).isEqualTo(failed);
            if (!failed) {
                assertThat(oof.get(i).get("per_class_accuracy")).hasSize(10);
                assertThat(oof.get(i).get("total").asLong()).isEqualTo(TRAIN_ROWS);
            }
        }
    }

    private static long bestTrialId() {
        for (JsonNode t : http.json("/api/experiments/" + grid).get("trials")) {
            if (t.get("rank").asInt() == 1) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no best trial");
    }

    private static long sum(JsonNode matrix) {
        long sum = 0;
        for (JsonNode row : matrix) {
            for (JsonNode c : row) {
                sum += c.asLong();
            }
        }
        return sum;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
