package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.ScoreSummary;
import dev.workbench.store.Claim;
import dev.workbench.store.NewExperiment;
import dev.workbench.store.NewTrial;
import dev.workbench.store.NewUnit;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.Submission;
import dev.workbench.store.TrialScorer;
import dev.workbench.store.WorkerIdentity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pages follow a running experiment without a reload: the test claims units and writes epochs and scores
 * through the work queue, as a worker does, while headless Chromium shows the pages.
 */
@Tag("browser")
class LiveUpdateBrowserTest {

    private static final WorkerIdentity WORKER = new WorkerIdentity("host:1", "t1", "CPU", "avx2");
    /** Scores trial t (0.5 + 0.1 t, 0.52 + 0.1 t) by fold, as its last fold finishes. */
    private static final TrialScorer SCORER = (trial, folds) -> new TrialScorer.Score(
            ScoreSummary.of(List.of(0.5 + 0.1 * trial.index(), 0.52 + 0.1 * trial.index())), null);

    private final String url = "jdbc:h2:mem:live-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private Store store;
    private Dashboard dashboard;
    private Browser browser;

    @BeforeEach
    void start() {
        store = Store.open(url);
        dashboard = Dashboard.start(url, "127.0.0.1", 0, true);
        browser = new Browser(dashboard.url());
    }

    @AfterEach
    void stop() {
        browser.close();
        dashboard.close();
        store.close();
    }

    @Test
    void the_experiment_page_grows_its_curves_and_progress_while_the_run_writes() {
        long id = store.queue()
                .submit(new Submission(
                        new NewExperiment(
                                "live",
                                "ab".repeat(32),
                                "{\"cv\":{\"folds\":2}}",
                                "name: live\n",
                                1L,
                                "grid",
                                "val_accuracy",
                                "maximize",
                                256,
                                2),
                        null,
                        List.of(new NewTrial(0, Map.of("lr", 0.1), 10L), new NewTrial(1, Map.of("lr", 0.2), 11L)),
                        List.of(
                                new NewUnit(0, 0, 100L),
                                new NewUnit(0, 1, 101L),
                                new NewUnit(1, 0, 102L),
                                new NewUnit(1, 1, 103L)),
                        false,
                        3));
        Claim[][] runs = new Claim[2][2];
        for (int t = 0; t < 2; t++) {
            for (int f = 0; f < 2; f++) {
                runs[t][f] = store.queue().claim(List.of(id), WORKER, 600).orElseThrow();
                store.queue().addEpoch(runs[t][f], epoch(1, t, f));
            }
        }
        browser.open("/experiment.html?id=" + id);
        browser.js("window.notReloaded = true;");
        assertThat(browser.text("#progress-indicator")).isEqualTo("0/2 trials");
        browser.until(d -> browser.points("curves-chart", "mean:") == 1);

        for (int e = 2; e <= 3; e++) {
            for (int t = 0; t < 2; t++) {
                for (int f = 0; f < 2; f++) {
                    store.queue().addEpoch(runs[t][f], epoch(e, t, f));
                }
            }
        }
        browser.until(d -> browser.points("curves-chart", "mean:") == 3);
        for (int t = 0; t < 2; t++) {
            for (int f = 0; f < 2; f++) {
                store.queue().finishFold(runs[t][f], SCORER);
            }
        }
        browser.until(d -> browser.text("#progress-indicator").equals("2/2 trials"));
        browser.until(d -> browser.text("#leaderboard tbody tr td:nth-child(2)").equals("1"));
        assertThat(browser.text("#leaderboard tbody tr td:nth-child(3)")).isEqualTo("#1");
        assertThat(store.experiments().byId(id).orElseThrow().status())
                .as("its last unit finished it")
                .isEqualTo(RunStatus.DONE);
        browser.until(d -> browser.text("#title").contains("done"));
        assertThat(browser.js("return window.notReloaded === true;")).isEqualTo(true);
        browser.screenshot("experiment-live");
    }

    private static EpochMetrics epoch(int epoch, int trial, int fold) {
        double acc = 0.3 + 0.1 * epoch + 0.05 * trial + 0.02 * fold;
        return new EpochMetrics(epoch, 1.0 / epoch, acc + 0.02, 1.1 / epoch, acc, 0.1, 0.5);
    }
}
