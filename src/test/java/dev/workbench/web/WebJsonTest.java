package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.app.CurveView;
import dev.workbench.app.ExperimentView;
import dev.workbench.app.TrialView;
import dev.workbench.metrics.ScoreSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebJsonTest {

    private final ObjectMapper json = WebJson.mapper();

    @Test
    void non_finite_numbers_become_null_so_browsers_can_parse_them() throws Exception {
        ScoreSummary diverged =
                new ScoreSummary(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5, 2);
        assertThat(json.writeValueAsString(diverged))
                .isEqualTo("{\"mean\":null,\"std\":null,\"ci95_low\":null,\"ci95_high\":0.5,\"n\":2}");
        assertThat(json.writeValueAsString(List.of(1.5, Double.NaN))).isEqualTo("[1.5,null]");
        assertThat(json.writeValueAsString(new CurveView.Point(3, Double.NaN))).isEqualTo("[3,null]");
    }

    @Test
    void seeds_are_strings_because_javascript_numbers_would_round_them() throws Exception {
        long seed = -3762691819024288293L;
        assertThat(json.readTree(json.writeValueAsString(
                                new ExperimentView.RefitLine(3, seed, "done", null, 2, 0.1, 0.9, 1.0)))
                        .get("seed")
                        .asText())
                .isEqualTo("-3762691819024288293");
        TrialView.Fold fold = new TrialView.Fold(0, seed, "done", null, null, null, 0, List.of(), null);
        assertThat(json.readTree(json.writeValueAsString(fold)).get("seed").isTextual())
                .isTrue();
    }
}
