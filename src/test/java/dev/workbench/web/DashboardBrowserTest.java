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
import org.openqa.selenium.WebElement;

/** Every page in headless Chromium on the database of real runs: tables, chart series and controls. */
@Tag("browser")
class DashboardBrowserTest {

    private static Dashboard dashboard;
    private static Browser browser;
    private static Http http;
    private static long grid;

    @BeforeAll
    static void start() {
        dashboard = Dashboard.start(DashboardFixture.database(), "127.0.0.1", 0, true);
        http = new Http(dashboard.url());
        grid = http.json("/api/experiments").get(0).get("id").asLong();
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
    void every_page_works_under_the_content_security_policy_and_two_folds_show_no_interval() {
        long tiny = http.json("/api/experiments").get(1).get("id").asLong();
        long trial = http.json("/api/experiments/" + grid).at("/trials/1/id").asLong();
        long other = http.json("/api/experiments/" + grid).at("/trials/3/id").asLong();
        browser.console();
        for (String page : List.of(
                "/",
                "/experiment.html?id=" + grid,
                "/experiment.html?id=" + tiny,
                "/trial.html?id=" + trial,
                "/compare.html?trials=" + trial + "," + other)) {
            browser.open(page);
            assertThat(browser.console())
                    .as(page)
                    .noneMatch(m -> m.contains("Content Security Policy"))
                    .noneMatch(m -> m.startsWith("SEVERE"));
        }
        browser.open("/experiment.html?id=" + tiny);
        assertThat(browser.all("#leaderboard tbody tr"))
                .allMatch(r -> r.getText().contains("(n = 2)"));
    }

    @Test
    void experiments_page_lists_both_runs_newest_first() {
        browser.open("/");
        List<WebElement> rows = browser.all("#experiments tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText())
                .contains("grid")
                .contains("6/6 trials")
                .contains("(2 failed)")
                .contains("done");
        assertThat(rows.get(1).getText()).contains("tiny").contains("2/2 trials");
        browser.screenshot("experiments");
        // found again: the page re-renders its rows every 3 s, so the rows read above may be stale by now
        browser.one("#experiments tbody tr:first-child a").click();
        browser.awaitLoaded();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/experiment.html?id=" + grid);
    }

    @Test
    void experiment_page_shows_leaderboard_curves_parallel_coordinates_and_scatter() {
        browser.open("/experiment.html?id=" + grid);
        assertThat(browser.all("#leaderboard tbody tr")).hasSize(6);
        assertThat(browser.all("#leaderboard tbody tr.failed")).hasSize(2).allMatch(r -> r.getText()
                .contains("loss became NaN"));
        assertThat(browser.all("#leaderboard thead th"))
                .extracting(WebElement::getText)
                .contains("lr", "units", "val_accuracy ± 95% CI");
        assertThat(browser.one("#progress-indicator").getText()).isEqualTo("6/6 trials (2 failed)");
        assertThat(browser.all("input.select-trial:checked")).hasSize(3);
        browser.until(d -> browser.series("curves-chart", "mean:") == 3);
        assertThat(browser.series("curves-chart", "band:")).isEqualTo(3);
        assertThat(browser.series("curves-chart", "fold:")).isZero();
        assertThat(browser.points("curves-chart", "mean:")).isEqualTo(4);
        assertThat(browser.one("#curves-caption").getText()).contains("Shaded band: min-max over folds");
        assertThat(browser.series("parallel", "trials")).isEqualTo(1);
        assertThat(browser.points("parallel", "trials")).isEqualTo(4);
        assertThat(browser.series("scatter-lr", "scatter:lr")).isEqualTo(1);
        assertThat(browser.points("scatter-lr", "scatter:")).isEqualTo(4);
        assertThat(browser.points("scatter-units", "scatter:")).isEqualTo(4);
        assertThat(browser.all("#workers tbody tr")).singleElement().satisfies(r -> assertThat(r.getText())
                .containsPattern(".+:\\d+ 13 –"));
        assertThat(browser.all("#retried tbody tr"))
                .isNotEmpty()
                .allMatch(r -> r.getText().contains("failed") && r.getText().contains("1 of 3"));
        browser.screenshot("experiment");
    }

    @Test
    void curve_controls_switch_metric_split_and_folds() {
        browser.open("/experiment.html?id=" + grid);
        browser.until(d -> browser.series("curves-chart", "mean:") == 3);
        browser.one("#curve-folds").click();
        browser.until(d -> browser.series("curves-chart", "fold:") == 9);
        browser.one("#curve-split button[data-value=both]").click();
        browser.until(d -> browser.series("curves-chart", "mean:") == 6);
        assertThat(browser.series("curves-chart", "fold:")).isEqualTo(18);
        assertThat(browser.series("curves-chart", "band:")).isEqualTo(6);
        assertThat(browser.series("curves-chart", "")).isEqualTo(6 + 6 + 18);
        browser.one("#curve-kind button[data-value=loss]").click();
        browser.until(
                d -> (Boolean) browser.js("return echarts.getInstanceByDom(document.getElementById('curves-chart'))"
                        + ".getOption().series.some(s => String(s.id).endsWith(':train_loss'))"));
        assertThat(browser.series("curves-chart", "mean:")).isEqualTo(6);
        browser.screenshot("experiment-curves-loss-both-folds");
    }

    @Test
    void leaderboard_sorts_filters_and_brushing_the_parallel_axes_filters_it() {
        browser.open("/experiment.html?id=" + grid);
        browser.one("th[data-sort=index]").click();
        assertThat(column(2)).containsExactly("#0", "#1", "#2", "#3", "#4", "#5");
        browser.one("th[data-sort=index]").click();
        assertThat(column(2)).containsExactly("#5", "#4", "#3", "#2", "#1", "#0");
        browser.one("th[data-sort=rank]").click();
        assertThat(column(1)).containsExactly("1", "2", "3", "4", "–", "–");
        browser.one("th[data-sort=score]").click();
        List<Double> scores = column(5).stream()
                .filter(s -> !s.equals("–"))
                .map(s -> Double.parseDouble(s.split(" ")[0]))
                .toList();
        assertThat(scores).hasSize(4).isSorted();

        browser.one("#filter").sendKeys("status=failed");
        assertThat(browser.all("#leaderboard tbody tr")).hasSize(2);
        browser.one("#filter").clear();
        browser.js(
                "const f = document.getElementById('filter'); f.value = 'lr<0.2'; f.dispatchEvent(new Event('input'));");
        assertThat(browser.all("#leaderboard tbody tr")).hasSize(2);
        browser.js("const f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'));");
        assertThat(browser.all("#leaderboard tbody tr")).hasSize(6);

        JsonNode trials = http.json("/api/experiments/" + grid).get("trials");
        double best = 0;
        for (JsonNode t : trials) {
            if (t.get("rank").asInt() == 1) {
                best = t.at("/score/mean").asDouble();
            }
        }
        browser.js(
                "echarts.getInstanceByDom(document.getElementById('parallel')).dispatchAction("
                        + "{type: 'axisAreaSelect', parallelAxisId: 'axis:score', intervals: [[arguments[0] - 1e-9, 1.0]]});",
                best);
        browser.until(d -> browser.all("#leaderboard tbody tr").size() == 1);
        assertThat(browser.one("#brush-note").getText()).startsWith("brushed: 1 trials");
        assertThat(browser.one("#leaderboard tbody tr").getText()).startsWith("1 #");
        browser.screenshot("experiment-brushed");
        browser.one("#clear-brush").click();
        assertThat(browser.all("#leaderboard tbody tr")).hasSize(6);
    }

    @Test
    void selecting_trials_redraws_curves_and_compare_opens_the_compare_page() {
        browser.open("/experiment.html?id=" + grid);
        browser.until(d -> browser.series("curves-chart", "mean:") == 3);
        while (!browser.all("input.select-trial:checked").isEmpty()) {
            browser.all("input.select-trial:checked").get(0).click();
        }
        browser.until(d -> browser.series("curves-chart", "mean:") <= 0);
        assertThat(browser.one("#compare-button").isEnabled()).isFalse();
        browser.one("th[data-sort=rank]").click();
        browser.all("input.select-trial").get(0).click();
        browser.all("input.select-trial").get(1).click();
        browser.until(d -> browser.series("curves-chart", "mean:") == 2);
        assertThat(browser.one("#compare-button").getText()).isEqualTo("Compare selected (2)");
        browser.one("#compare-button").click();
        browser.awaitLoaded();
        assertThat(browser.driver().getCurrentUrl()).contains("/compare.html?trials=");
        assertThat(browser.all("#scores tbody tr")).hasSize(2);
        assertThat(browser.all("#tests tbody tr")).hasSize(1);
        assertThat(browser.one("#tests tbody tr").getText()).contains("3").containsPattern("significant|identical");
        assertThat(browser.all("#param-diff tbody tr")).hasSize(2);
        assertThat(browser.series("fold-scores", "folds:")).isEqualTo(2);
        assertThat(browser.points("fold-scores", "folds:")).isEqualTo(3);
        browser.until(d -> browser.series("curves-chart", "mean:") == 2);
        browser.screenshot("compare");
    }

    @Test
    void compare_page_of_three_trials_diffs_parameters() {
        List<String> ids = new ArrayList<>();
        http.json("/api/experiments/" + grid).get("trials").forEach(t -> {
            if (ids.size() < 3 && t.get("status").asText().equals("done")) {
                ids.add(t.get("id").asText());
            }
        });
        browser.open("/compare.html?trials=" + String.join(",", ids));
        assertThat(browser.all("#scores tbody tr")).hasSize(3);
        assertThat(browser.all("#tests tbody tr")).hasSize(2);
        int differing = browser.all("#param-diff tbody tr.differs").size();
        assertThat(differing).isBetween(1, 2);
        browser.one("#only-diff").click();
        assertThat(browser.all("#param-diff tbody tr")).hasSize(differing);
        browser.until(d -> browser.series("curves-chart", "mean:") == 3);
    }

    @Test
    void trial_pages_show_fold_curves_seeds_provenance_and_errors() {
        JsonNode trials = http.json("/api/experiments/" + grid).get("trials");
        long done = 0;
        long failed = 0;
        for (JsonNode t : trials) {
            if (t.get("rank").asInt() == 1) {
                done = t.get("id").asLong();
            }
            if (t.get("status").asText().equals("failed")) {
                failed = t.get("id").asLong();
            }
        }
        browser.open("/trial.html?id=" + done);
        assertThat(browser.all("#folds tbody tr")).hasSize(3);
        assertThat(browser.series("fold-chart", "fold:")).isEqualTo(6);
        assertThat(browser.points("fold-chart", "fold:0:val")).isEqualTo(4);
        assertThat(browser.all("table.provenance[data-section=experiment] tr")).hasSizeGreaterThan(5);
        assertThat(browser.one("table.provenance").getText())
                .contains("fold_assignment_sha256")
                .contains("backend.native_build");
        assertThat(browser.all("#error-trace")).isEmpty();
        assertThat(browser.one("table.provenance[data-section=trial]").getText())
                .contains("seed")
                .contains("omp_threads");
        assertThat(browser.one("#reproduction-result").getDomAttribute("data-outcome"))
                .isEqualTo("identical");
        assertThat(browser.all("#export-table tbody tr")).hasSize(1);
        assertThat(browser.all("#export-table a.download"))
                .extracting(a -> a.getDomProperty("href"))
                .allMatch(href -> href.matches(".*/api/exports/\\d+/(model\\.zip|manifest\\.json)"));
        browser.screenshot("trial");

        browser.open("/trial.html?id=" + failed);
        assertThat(browser.one("#error-trace").getText()).contains("loss became NaN in epoch 1");
        assertThat(browser.all("#folds tbody tr.failed")).isNotEmpty();
        assertThat(browser.one("#reproduction").getText()).contains("Not reproduced yet");
        assertThat(browser.one("#exports").getText()).contains("No model exported");
        browser.screenshot("trial-failed");
    }

    @Test
    void an_unknown_id_shows_the_api_error_on_the_page() {
        browser.driver().get(dashboard.url() + "experiment.html?id=424242");
        browser.until(d -> !browser.all("#error").isEmpty());
        assertThat(browser.one("#error").getText()).isEqualTo("no experiment with id 424242");
    }

    private static List<String> column(int index) {
        return browser.all("#leaderboard tbody tr").stream()
                .map(r -> r.findElements(org.openqa.selenium.By.tagName("td"))
                        .get(index)
                        .getText())
                .toList();
    }
}
