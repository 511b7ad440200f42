package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workbench.store.NewExperiment;
import dev.workbench.store.NewTrial;
import dev.workbench.store.Store;
import dev.workbench.store.Submission;
import dev.workbench.store.TrialRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment page's API calls on an H2 file database of 500 trials × 5 folds × 30 epochs. Asserts
 * what the answers hold; prints how long they take (measured, not asserted), and the page's load time
 * in headless Chromium.
 */
@Tag("browser")
class ScaleTest {

    private static final int TRIALS = 500;
    private static final int FOLDS = 5;
    private static final int EPOCHS = 30;

    @TempDir
    Path dir;

    @Test
    void the_experiment_page_of_500_trials_5_folds_30_epochs() throws Exception {
        String url = Store.fileUrl(dir.resolve("scale"));
        long built = System.nanoTime();
        long id = build(url);
        System.out.printf(
                "ScaleTest: built %d trials x %d folds x %d epochs in %.1f s%n",
                TRIALS, FOLDS, EPOCHS, (System.nanoTime() - built) / 1e9);
        try (Dashboard dashboard = Dashboard.start(url, "127.0.0.1", 0, true)) {
            Http http = new Http(dashboard.url());
            JsonNode page = http.json("/api/experiments/" + id);
            assertThat(page.get("trials")).hasSize(TRIALS);
            assertThat(page.at("/progress/epochs_recorded").asLong()).isEqualTo((long) TRIALS * FOLDS * EPOCHS);
            assertThat(page.at("/trials/0/fold_scores")).hasSize(FOLDS);
            List<String> top = new ArrayList<>();
            page.get("trials").forEach(t -> {
                if (t.get("rank").asInt(0) >= 1 && t.get("rank").asInt() <= 10) {
                    top.add(t.get("id").asText());
                }
            });
            String three = String.join(",", top.subList(0, 3));
            String curves = "/api/experiments/" + id + "/curves?trials=" + three;
            assertThat(http.json(curves).at("/trials/0/mean")).hasSize(EPOCHS);
            JsonNode ten = http.json(curves + "&points=10");
            assertThat(ten.at("/trials/0/mean")).hasSize(10);
            assertThat(ten.at("/trials/0/mean/9/0").asInt()).isEqualTo(EPOCHS);
            for (String path : List.of(
                    "/api/experiments",
                    "/api/experiments/" + id,
                    "/api/experiments/" + id + "/progress",
                    curves,
                    "/api/experiments/" + id + "/curves?trials=" + String.join(",", top),
                    "/api/compare?trials=" + three,
                    "/api/trials/" + top.get(0))) {
                time(http, path);
            }
            try (Browser browser = new Browser(dashboard.url())) {
                long start = System.nanoTime();
                browser.open("/experiment.html?id=" + id);
                browser.until(d -> browser.series("curves-chart", "mean:") == 3);
                System.out.printf(
                        "ScaleTest: experiment page rendered in Chromium in %d ms (first load)%n",
                        (System.nanoTime() - start) / 1_000_000);
                assertThat(browser.all("#leaderboard tbody tr")).hasSize(TRIALS);
                assertThat(browser.points("parallel", "trials")).isEqualTo(TRIALS - 10);
                browser.screenshot("experiment-500-trials");
            }
        }
    }

    /** Prints the median and worst of 15 timed calls after 3 warm-up calls. */
    private static void time(Http http, String path) {
        for (int i = 0; i < 3; i++) {
            http.get(path);
        }
        long[] ms = new long[15];
        int bytes = 0;
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            Http.Answer a = http.get(path);
            ms[i] = (System.nanoTime() - start) / 1_000;
            assertThat(a.status()).as(path).isEqualTo(200);
            bytes = a.body().length();
        }
        Arrays.sort(ms);
        System.out.printf(
                "ScaleTest: GET %-70s median %6.1f ms, max %6.1f ms, %,d bytes%n",
                path.length() > 70 ? path.substring(0, 67) + "..." : path,
                ms[ms.length / 2] / 1000.0,
                ms[ms.length - 1] / 1000.0,
                bytes);
    }

    /** The experiment through the store; fold runs, epochs and scores by JDBC batches (fast to build). */
    private static long build(String url) throws SQLException {
        long id;
        List<TrialRow> trials;
        try (Store store = Store.open(url)) {
            NewExperiment experiment = new NewExperiment(
                    "scale",
                    "cd".repeat(32),
                    "{\"cv\":{\"folds\":5},\"search\":{\"parameters\":{\"lr\":{\"scale\":\"log\"}}}}",
                    "name: scale\n",
                    3L,
                    "random",
                    "val_accuracy",
                    "maximize",
                    256,
                    2);
            SplittableRandom random = new SplittableRandom(3);
            List<NewTrial> news = new ArrayList<>();
            for (int i = 0; i < TRIALS; i++) {
                Map<String, Double> params = new LinkedHashMap<>();
                params.put("lr", Math.pow(10, -4 + 2 * random.nextDouble()));
                params.put("filters", (double) (8 << random.nextInt(3)));
                params.put("dropout", 0.5 * random.nextDouble());
                news.add(new NewTrial(i, params, random.nextLong()));
            }
            id = store.queue().submit(new Submission(experiment, null, news, List.of(), false, 1));
            trials = store.trials().byExperiment(id);
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            insertCurves(c, trials);
            c.commit();
        }
        return id;
    }

    private static void insertCurves(Connection c, List<TrialRow> trials) throws SQLException {
        SplittableRandom random = new SplittableRandom(5);
        try (PreparedStatement fold =
                        c.prepareStatement("INSERT INTO fold_run (id, trial_id, fold, seed, status, error)"
                                + " VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement epoch =
                        c.prepareStatement("INSERT INTO epoch_metric VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement score = c.prepareStatement("UPDATE trial SET status = ?, error = ?, score_mean = ?,"
                        + " score_std = 0.01, ci95_low = ? - 0.02, ci95_high = ? + 0.02, score_n = ? WHERE id = ?")) {
            for (TrialRow t : trials) {
                boolean failed = t.index() % 50 == 7;
                double ceiling = 0.8 + 0.19 * random.nextDouble();
                for (int f = 0; f < FOLDS; f++) {
                    long foldId = t.id() * 10 + f;
                    fold.setLong(1, foldId);
                    fold.setLong(2, t.id());
                    fold.setInt(3, f);
                    fold.setLong(4, random.nextLong());
                    fold.setString(5, failed && f == 0 ? "failed" : "done");
                    fold.setString(6, failed && f == 0 ? "loss became NaN in epoch 30" : null);
                    fold.addBatch();
                    for (int e = 1; e <= EPOCHS; e++) {
                        double acc = ceiling * (1 - Math.exp(-e / 6.0)) + 0.01 * random.nextDouble();
                        epoch.setLong(1, foldId);
                        epoch.setInt(2, e);
                        epoch.setDouble(3, 2.3 * Math.exp(-e / 8.0));
                        epoch.setDouble(4, acc + 0.01);
                        epoch.setDouble(5, 2.4 * Math.exp(-e / 8.0));
                        epoch.setDouble(6, acc);
                        epoch.setDouble(7, 1e-3);
                        epoch.setDouble(8, 0.5);
                        epoch.addBatch();
                    }
                }
                double mean = ceiling * (1 - Math.exp(-EPOCHS / 6.0));
                score.setString(1, failed ? "failed" : "done");
                score.setString(2, failed ? "fold 0: loss became NaN in epoch 30" : null);
                for (int column = 3; column <= 6; column++) {
                    if (failed) {
                        score.setNull(column, Types.DOUBLE);
                    } else {
                        score.setDouble(column, column == 6 ? FOLDS : mean);
                    }
                }
                score.setLong(7, t.id());
                score.addBatch();
            }
            fold.executeBatch();
            epoch.executeBatch();
            score.executeBatch();
        }
    }
}
