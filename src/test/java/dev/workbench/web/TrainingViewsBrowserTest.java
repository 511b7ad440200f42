package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workbench.cli.DashboardFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The training views in headless Chromium on the fixture's real runs (grid: 3 folds × 4 epochs of 5 batches,
 * 10 classes; its best trial refitted and exported).
 */
@Tag("browser")
class TrainingViewsBrowserTest {

    private static Dashboard dashboard;
    private static Browser browser;
    private static Http http;
    private static long best;
    private static long failed;
    private static List<String> trialIds = new ArrayList<>();

    @BeforeAll
    static void start() {
        dashboard = Dashboard.start(DashboardFixture.database(), "127.0.0.1", 0, true);
        http = new Http(dashboard.url());
        long grid = http.json("/api/experiments").get(0).get("id").asLong();
        for (JsonNode t : http.json("/api/experiments/" + grid).get("trials")) {
            if (t.get("rank").asInt() == 1) {
                best = t.get("id").asLong();
            }
            if (t.get("status").asText().equals("failed")) {
                failed = t.get("id").asLong();
            } else {
                trialIds.add(t.get("id").asText());
            }
        }
        browser = new Browser(dashboard.url());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        dashboard.close();
    }

    @Test
    void trial_page_draws_curves_within_epochs_on_three_x_axes() {
        browser.open("/trial.html?id=" + best);
        // per split: 3 folds, a mean and a band
        browser.until(d -> browser.series("step-chart", "step:") == 6);
        assertThat(browser.series("step-chart", "mean:")).isEqualTo(2);
        assertThat(browser.series("step-chart", "band:")).isEqualTo(2);
        assertThat(browser.points("step-chart", "step:0:train")).isEqualTo(20);
        assertThat(browser.points("step-chart", "step:0:val")).isEqualTo(4);
        assertThat(lastX("step:0:train")).isEqualTo(20.0);
        browser.one("#step-x button[data-value=images]").click();
        browser.until(d -> lastX("step:0:train") == 4 * 160.0);
        browser.one("#step-x button[data-value=epochs]").click();
        browser.until(d -> lastX("step:0:train") == 4.0);
        assertThat(browser.text("#step-chart")).isNotNull();
        browser.screenshot("trial-steps-epochs");
        browser.one("#step-x button[data-value=iterations]").click();
        browser.until(d -> lastX("step:0:train") == 20.0);
    }

    @Test
    void trial_page_shows_the_weight_spread_per_fold_and_layer() {
        browser.open("/trial.html?id=" + best);
        browser.until(d -> browser.series("weights-chart", "") == 8);
        assertThat(browser.series("weights-chart", "band:")).isEqualTo(7);
        assertThat(browser.series("biases-chart", "band:")).isEqualTo(7);
        assertThat(browser.points("weights-chart", "band:1")).isEqualTo(5);
        assertThat(browser.series("update-chart", "update:")).isEqualTo(6);
        assertThat(browser.all("#weight-fold button")).hasSize(3);
        assertThat(browser.all("#weight-layer option")).hasSize(3);
        assertThat(browser.all("#weights-badge")).isEmpty();
        browser.one("#weight-fold button[data-value='2']").click();
        browser.js(
                "const s = document.getElementById('weight-layer'); s.value = '2'; s.dispatchEvent(new Event('change'));");
        browser.until(d -> browser.series("weights-chart", "band:") == 7);
        assertThat(browser.one("#weight-fold button.on").getText()).isEqualTo("fold 2");
    }

    @Test
    void trial_page_shows_the_out_of_fold_matrix_and_the_test_gallery() {
        browser.open("/trial.html?id=" + best);
        assertThat(browser.all("#oof-table td.cell")).hasSize(100);
        assertThat(browser.all("#oof-table td.class-accuracy")).hasSize(10);
        long sum = 0;
        for (var cell : browser.all("#oof-table td.cell")) {
            sum += Long.parseLong(cell.getDomAttribute("data-count"));
        }
        assertThat(sum).isEqualTo(240);
        assertThat(browser.text("#oof-caption")).startsWith("240 rows");
        assertThat(browser.all("#test-table td.cell")).hasSize(100);
        assertThat(browser.text("#test-caption")).startsWith("100 rows");
        assertThat(browser.all("#test-source option")).hasSize(2);
        int mistakes = browser.all("#gallery figure.mistake").size();
        assertThat(mistakes).isPositive();
        browser.until(d -> (Boolean) browser.js("return [...document.querySelectorAll('#gallery img')]"
                + ".every(i => i.complete && i.naturalWidth === 28);"));
        browser.screenshot("trial-training-views");
    }

    @Test
    void a_diverged_trial_carries_the_weight_warning_badge() {
        browser.open("/trial.html?id=" + failed);
        assertThat(browser.one("#weights-badge").getText()).contains("NaN");
        assertThat(browser.all("#title .warn")).hasSize(1);
        browser.screenshot("trial-diverged-weights");
    }

    @Test
    void experiment_curve_panel_switches_to_iterations_and_images_seen() {
        browser.open("/compare.html?trials=" + String.join(",", trialIds));
        browser.until(d -> browser.series("curves-chart", "mean:") == trialIds.size());
        assertThat(browser.points("curves-chart", "mean:")).isEqualTo(4);
        browser.one("#curve-split button[data-value=train]").click();
        browser.one("#curve-x button[data-value=iterations]").click();
        browser.until(d -> browser.points("curves-chart", "mean:") == 20);
        assertThat(browser.series("curves-chart", "band:")).isEqualTo(trialIds.size());
        browser.one("#curve-x button[data-value=images]").click();
        browser.until(d -> ((Number)
                                browser.js(
                                        "const s = echarts.getInstanceByDom(document.getElementById('curves-chart'))"
                                                + ".getOption().series.find(s => String(s.id).startsWith('mean:')); return s.data[s.data.length - 1][0];"))
                        .longValue()
                == 640);
        assertThat(browser.text("#curves-caption")).contains("every logged step");
        browser.screenshot("compare-curves-images-seen");
    }

    @Test
    void compare_page_shows_per_class_accuracy_side_by_side() {
        browser.open("/compare.html?trials=" + String.join(",", trialIds));
        assertThat(browser.all("#per-class tbody tr")).hasSize(11);
        assertThat(browser.all("#per-class tbody tr:first-child td")).hasSize(trialIds.size());
        browser.until(d -> browser.series("per-class-chart", "class:") == trialIds.size());
        assertThat(browser.points("per-class-chart", "class:")).isEqualTo(10);
        browser.screenshot("compare-per-class");
    }

    private static double lastX(String seriesId) {
        return ((Number) browser.js(
                        "const s = echarts.getInstanceByDom(document.getElementById('step-chart')).getOption()"
                                + ".series.find(s => s.id === arguments[0]); return s.data[s.data.length - 1][0];",
                        seriesId))
                .doubleValue();
    }
}
