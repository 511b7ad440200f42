package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.metrics.ScoreSummary;
import dev.workbench.store.Samples;
import dev.workbench.store.Store;
import dev.workbench.web.Dashboard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI leaderboard, {@code show --json} and the API rank every trial alike (the app's one ranking), on
 * one database with a tie, a failed trial and a diverged (NaN) one.
 */
class RankAgreementTest {

    /** Trial index to rank; absent: no rank. Trials 1 and 3 tie at 0.9 (lower index first). */
    private static final Map<Integer, Integer> EXPECTED = Map.of(1, 1, 3, 2, 0, 3, 5, 4);

    @TempDir
    Path dir;

    @Test
    void leaderboard_show_json_and_api_agree_on_every_rank() throws Exception {
        CliHarness cli = new CliHarness(dir);
        long id = database(cli.dbUrl());

        assertThat(leaderboard(cli)).isEqualTo(EXPECTED);
        JsonNode shown = cli.showJson("ranks");
        assertThat(ranks(shown.get("trials"))).isEqualTo(EXPECTED);
        assertThat(shown.at("/trials/4/score/mean").isNull())
                .as("NaN is written as null")
                .isTrue();
        try (Dashboard dashboard = Dashboard.start(cli.dbUrl(), "127.0.0.1", 0, true)) {
            JsonNode page = get(dashboard.url() + "api/experiments/" + id);
            assertThat(ranks(page.get("trials"))).isEqualTo(EXPECTED);
            assertThat(page.at("/trials/4/score/mean").isNull()).isTrue();
        }
    }

    /** Six trials of one fold each: 0.8, 0.9, failed, 0.9, NaN (diverged), 0.7. */
    private static long database(String url) {
        try (Store store = Store.open(url)) {
            long id = Samples.submit(store, Samples.experiment("ranks", "maximize"), Samples.trials(6), 1);
            Samples.finishNext(store, id, score(0.8));
            Samples.finishNext(store, id, score(0.9));
            Samples.failNext(store, id, "out of memory");
            Samples.finishNext(store, id, score(0.9));
            Samples.finishNext(store, id, score(Double.NaN));
            Samples.finishNext(store, id, score(0.7));
            return id;
        }
    }

    private static ScoreSummary score(double mean) {
        return new ScoreSummary(mean, 0, mean, mean, 1);
    }

    /** The leaderboard's rank column by trial column. */
    private static Map<Integer, Integer> leaderboard(CliHarness cli) {
        CliHarness.Result r = cli.runWithDb("show", "ranks");
        assertThat(r.exitCode()).isZero();
        Map<Integer, Integer> ranks = new TreeMap<>();
        r.out()
                .lines()
                .skip(2)
                .map(String::trim)
                .filter(l -> l.matches("(\\d+|-)\\s+\\d+\\s.*"))
                .forEach(l -> {
                    String[] cells = l.split("\\s+");
                    if (!cells[0].equals("-")) {
                        ranks.put(Integer.parseInt(cells[1]), Integer.parseInt(cells[0]));
                    }
                });
        assertThat(r.out()).contains("trial 2 failed: ");
        return ranks;
    }

    private static Map<Integer, Integer> ranks(JsonNode trials) {
        Map<Integer, Integer> ranks = new TreeMap<>();
        trials.forEach(t -> {
            if (!t.path("rank").isNull() && !t.path("rank").isMissingNode()) {
                ranks.put(t.get("index").asInt(), t.get("rank").asInt());
            }
        });
        return ranks;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }
}
