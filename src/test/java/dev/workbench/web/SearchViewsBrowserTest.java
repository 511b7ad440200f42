package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.cli.DashboardFixture;
import dev.workbench.cli.SearchFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The experiment page's search history, rung view and parameter importance in headless Chromium. */
class SearchViewsBrowserTest {

    private static Dashboard pruned;
    private static Dashboard runs;
    private static Browser browser;

    @BeforeAll
    static void start() {
        pruned = Dashboard.start(SearchFixture.database(), "127.0.0.1", 0, true);
        runs = Dashboard.start(DashboardFixture.database(), "127.0.0.1", 0, true);
        browser = new Browser(pruned.url());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        pruned.close();
        runs.close();
    }

    @Test
    void history_shows_done_and_pruned_trials_the_best_so_far_the_rungs_and_the_importance_bars() {
        long id =
                new Http(pruned.url()).json("/api/experiments").get(0).get("id").asLong();
        browser.console();
        browser.open("/experiment.html?id=" + id);
        assertThat(browser.points("history-chart", "objective:done")).isEqualTo(4);
        assertThat(browser.points("history-chart", "objective:pruned")).isEqualTo(2);
        assertThat(browser.points("history-chart", "best"))
                .as("a step at every trial")
                .isEqualTo(6);
        assertThat(browser.one("#rungs-panel").isDisplayed()).isTrue();
        assertThat(browser.points("rungs-chart", "rungs:alive")).isEqualTo(2);
        assertThat(browser.text("#history-note"))
                .contains("6 trials with a score")
                .contains("28 epochs trained");
        assertThat(browser.points("importance-chart", "importance")).isEqualTo(2);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('importance-chart'))"
                        + ".getOption().yAxis[0].data.at(-1);"))
                .as("most important on top")
                .isEqualTo("lr");
        assertThat(browser.text("#importance-note")).contains("mean decrease in impurity");
        assertThat(browser.console())
                .as("no script errors")
                .noneMatch(m -> m.startsWith("SEVERE") && !m.contains("favicon"));
        browser.screenshot("search-history");
    }

    @Test
    void an_experiment_without_rungs_or_enough_trials_says_so() {
        Http http = new Http(runs.url());
        long tiny = http.json("/api/experiments").get(1).get("id").asLong();
        browser.driver().get(runs.url() + "experiment.html?id=" + tiny);
        browser.awaitLoaded();
        assertThat(browser.points("history-chart", "objective:done")).isEqualTo(2);
        assertThat(browser.one("#rungs-panel").isDisplayed()).isFalse();
        assertThat(browser.one("#importance-chart").isDisplayed()).isFalse();
        assertThat(browser.text("#importance-why")).contains("at least 3");
    }
}
