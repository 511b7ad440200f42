package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workbench.cli.DashboardFixture;
import dev.workbench.cli.SearchFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search history and parameter importance endpoints over real HTTP, on real runs. */
class SearchViewsApiTest {

    private static Dashboard runs;
    private static Dashboard pruned;
    private static Http http;
    private static Http prunedHttp;

    @BeforeAll
    static void start() {
        runs = Dashboard.start(DashboardFixture.database(), "127.0.0.1", 0, true);
        pruned = Dashboard.start(SearchFixture.database(), "127.0.0.1", 0, true);
        http = new Http(runs.url());
        prunedHttp = new Http(pruned.url());
    }

    @AfterAll
    static void stop() {
        runs.close();
        pruned.close();
    }

    @Test
    void history_has_every_scored_trial_in_index_order_against_cumulative_epochs_with_the_best_so_far() {
        long grid = http.json("/api/experiments").get(0).get("id").asLong();
        JsonNode e = http.json("/api/experiments/" + grid);
        JsonNode h = http.json("/api/experiments/" + grid + "/history");
        assertThat(h.get("metric").asText()).isEqualTo("val_accuracy");
        assertThat(h.get("goal").asText()).isEqualTo("maximize");
        assertThat(h.get("epochs_trained").asLong())
                .as("failed trials' epochs count too")
                .isEqualTo(e.at("/progress/epochs_recorded").asLong());
        assertThat(h.get("trials_pending").asInt()).isZero();
        JsonNode points = h.get("points");
        assertThat(points)
                .hasSize(4)
                .allMatch(p -> p.get("status").asText().equals("done")
                        && p.get("epochs").asLong() == 3 * 4
                        && p.get("epochs_reached").asInt() == 4);
        List<Integer> indexes = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        long previous = 0;
        for (JsonNode p : points) {
            indexes.add(p.get("index").asInt());
            assertThat(p.get("cumulative_epochs").asLong()).isGreaterThanOrEqualTo(previous + 12);
            previous = p.get("cumulative_epochs").asLong();
            best = Math.max(best, p.get("objective").asDouble());
            assertThat(p.get("best_so_far").asDouble()).isEqualTo(best);
            JsonNode trial = trial(e, p.get("index").asInt());
            assertThat(p.get("objective").asDouble())
                    .isEqualTo(trial.at("/score/mean").asDouble());
            assertThat(p.get("params").get("lr").asDouble())
                    .isEqualTo(trial.at("/params/lr").asDouble());
        }
        assertThat(indexes).isSorted();
        assertThat(best).isEqualTo(e.at("/progress/best_score").asDouble());
        assertThat(h.get("rungs")).as("every trial trained 4 epochs").isEmpty();
    }

    @Test
    void history_shows_integer_parameters_as_integers_as_the_trial_table_does() {
        long id = prunedHttp.json("/api/experiments").get(0).get("id").asLong();
        JsonNode e = prunedHttp.json("/api/experiments/" + id);
        JsonNode points = prunedHttp.json("/api/experiments/" + id + "/history").get("points");
        assertThat(points).isNotEmpty();
        for (JsonNode p : points) {
            JsonNode units = p.at("/params/units");
            assertThat(units.isIntegralNumber())
                    .as("units in %s", p.get("params"))
                    .isTrue();
            assertThat(units.toString()).isIn("8", "16");
            assertThat(p.at("/params/lr").isIntegralNumber()).isFalse();
            assertThat(p.get("params"))
                    .isEqualTo(trial(e, p.get("index").asInt()).get("params"));
        }
    }

    @Test
    void pruned_trials_count_the_epochs_they_trained_and_show_their_score_where_they_stopped_with_rungs() {
        long id = prunedHttp.json("/api/experiments").get(0).get("id").asLong();
        JsonNode h = prunedHttp.json("/api/experiments/" + id + "/history");
        JsonNode points = h.get("points");
        assertThat(points)
                .extracting(p -> p.get("status").asText())
                .containsExactly("done", "done", "done", "done", "pruned", "pruned");
        assertThat(h.get("epochs_trained").asLong()).isEqualTo(4 * 2 * 3 + 2 * 2 * 1);
        assertThat(points.get(5).get("cumulative_epochs").asLong()).isEqualTo(4 * 2 * 3 + 2 * 2 * 1);
        JsonNode p = points.get(4);
        assertThat(p.get("epochs").asLong()).isEqualTo(2);
        assertThat(p.get("epochs_reached").asInt()).isEqualTo(1);
        JsonNode folds =
                prunedHttp.json("/api/trials/" + p.get("trial_id").asLong()).get("folds");
        double mean = (folds.at("/0/epochs/0/val_accuracy").asDouble()
                        + folds.at("/1/epochs/0/val_accuracy").asDouble())
                / 2;
        assertThat(p.get("objective").asDouble()).isCloseTo(mean, within(1e-12));
        assertThat(p.get("best_so_far").asDouble())
                .as("pruned scores are not final: the best is the done trials'")
                .isEqualTo(points.get(3).get("best_so_far").asDouble());
        assertThat(h.get("rungs").toString())
                .isEqualTo("[{\"epoch\":1,\"alive\":6,\"stopped\":2},{\"epoch\":3,\"alive\":4,\"stopped\":4}]");
    }

    @Test
    void importance_ranks_the_parameter_that_drives_the_score_first() {
        long id = prunedHttp.json("/api/experiments").get(0).get("id").asLong();
        JsonNode imp = prunedHttp.json("/api/experiments/" + id + "/importance");
        assertThat(imp.get("trials").asInt()).as("the done trials only").isEqualTo(4);
        assertThat(imp.get("method").asText())
                .contains("mean decrease in impurity")
                .contains("random forest");
        assertThat(imp.get("warning").isNull()).as("4 trials for 2 parameters").isTrue();
        assertThat(imp.get("note").isNull()).isTrue();
        assertThat(imp.get("excluded")).isEmpty();
        JsonNode params = imp.get("parameters");
        assertThat(params).extracting(q -> q.get("name").asText()).containsExactly("lr", "units");
        assertThat(params.get(0).get("importance").asDouble()).isGreaterThan(0.9);
        assertThat(params.get(0).get("importance").asDouble()
                        + params.get(1).get("importance").asDouble())
                .isCloseTo(1.0, within(1e-9));
        assertThat(params.get(0).get("distinct_values").asInt()).isEqualTo(2);
        assertThat(imp).isEqualTo(prunedHttp.json("/api/experiments/" + id + "/importance"));
    }

    @Test
    void too_few_trials_give_a_note_instead_of_importances_and_one_value_parameters_are_excluded() {
        long tiny = http.json("/api/experiments").get(1).get("id").asLong();
        JsonNode imp = http.json("/api/experiments/" + tiny + "/importance");
        assertThat(imp.get("trials").asInt()).isEqualTo(2);
        assertThat(imp.get("parameters")).isEmpty();
        assertThat(imp.get("note").asText()).contains("2 done trials").contains("at least 3");
    }

    @Test
    void unknown_or_malformed_experiment_ids_are_answered_with_404_and_400() {
        assertThat(http.get("/api/experiments/999999/history").status()).isEqualTo(404);
        assertThat(http.get("/api/experiments/999999/importance").status()).isEqualTo(404);
        assertThat(http.get("/api/experiments/abc/history").status()).isEqualTo(400);
    }

    private static JsonNode trial(JsonNode experiment, int index) {
        for (JsonNode t : experiment.get("trials")) {
            if (t.get("index").asInt() == index) {
                return t;
            }
        }
        throw new AssertionError("no trial " + index);
    }
}
