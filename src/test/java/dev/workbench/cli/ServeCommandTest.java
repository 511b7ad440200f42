package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} and {@code run --serve} through the real command line, with the dashboard on a free port. */
class ServeCommandTest {

    private static final Pattern URL = Pattern.compile("Dashboard: (http://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** A command running on its own thread, its output readable while it runs. */
    private static final class Background {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger code = new AtomicInteger(-1);
        final Thread thread;

        Background(String... args) {
            CommandLine cli = Cli.create();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> code.set(cli.execute(args)), "cli");
            thread.start();
        }

        String awaitUrl(StringWriter stream) throws InterruptedException {
            for (int i = 0; i < 1200; i++) {
                Matcher m = URL.matcher(stream.toString());
                if (m.find()) {
                    return m.group(1);
                }
                assertThat(thread.isAlive())
                        .as("command ended early: %s %s", out, err)
                        .isTrue();
                Thread.sleep(100);
            }
            throw new AssertionError("no dashboard URL printed: " + stream);
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
            assertThat(thread.isAlive()).isFalse();
            return code.get();
        }
    }

    @Test
    void run_with_serve_serves_while_training_and_after_until_stopped_then_serve_reopens_the_results()
            throws Exception {
        CliHarness cli = new CliHarness(dir);
        Path spec = cli.spec("tiny", CliHarness.TINY.replace("epochs: 2", "epochs: 4"));
        Background run = new Background(
                "run",
                spec.toString(),
                "--serve",
                "--port",
                "0",
                "--parallel",
                "1",
                "--db",
                cli.dbUrl(),
                "--data-dir",
                dir.resolve("data").toString());
        String url = run.awaitUrl(run.err);
        long seenRunning = 0;
        JsonNode experiment = null;
        for (int i = 0; i < 1200 && !run.err.toString().contains("Run ended"); i++) {
            JsonNode list = get(url + "api/experiments");
            if (!list.isEmpty()) {
                experiment = list.get(0);
                if (experiment.get("status").asText().equals("running")) {
                    seenRunning = Math.max(
                            seenRunning,
                            get(url + "api/experiments/" + experiment.get("id") + "/progress")
                                    .get("epochs_recorded")
                                    .asLong());
                }
            }
            Thread.sleep(100);
        }
        System.out.println(
                "run --serve: the API answered mid-run with up to " + seenRunning + " of 16 epochs recorded");
        assertThat(run.err.toString()).contains("the dashboard is still serving at " + url);
        assertThat(run.thread.isAlive()).isTrue();
        JsonNode done = get(url + "api/experiments").get(0);
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("trials_done").asInt()).isEqualTo(2);
        assertThat(run.out.toString()).contains("val_accuracy mean ± 95% CI");
        assertThat(run.stop()).isZero();
        assertThat(refused(url)).isTrue();

        Background serve = new Background("serve", "--port", "0", "--db", cli.dbUrl());
        String served = serve.awaitUrl(serve.out);
        assertThat(serve.out.toString()).contains("(Ctrl+C to stop)");
        assertThat(get(served + "api/experiments").get(0).get("trials_done").asInt())
                .isEqualTo(2);
        assertThat(serve.stop()).isZero();
    }

    @Test
    void serve_refuses_a_missing_database_and_a_bad_port_without_creating_anything() {
        CliHarness cli = new CliHarness(dir);
        CliHarness.Result missing =
                cli.run("serve", "--port", "0", "--db", "jdbc:h2:file:" + dir.resolve("none/results"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("error: no results database at jdbc:h2:file:" + dir.resolve("none/results"));
        assertThat(Files.exists(dir.resolve("none"))).isFalse();
        CliHarness.Result port = cli.runWithDb("serve", "--port", "70000");
        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.err()).contains("--port: expected 0 to 65535, got 70000");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "jdbc:h2:DIR/missing/results",
                "jdbc:h2:file:DIR/missing/results",
                "jdbc:h2:DIR/missing/results;AUTO_SERVER=TRUE",
                "jdbc:h2:~/HOME/results",
                "jdbc:h2:mem:never-created"
            })
    void serve_never_creates_a_database_whatever_the_url_form(String form) throws Exception {
        String home = "workbench-serve-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        String url = form.replace("DIR", dir.toString()).replace("HOME", home);
        CliHarness.Result r = new CliHarness(dir).run("serve", "--port", "0", "--db", url);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err())
                .contains("error: no results database at " + url.split(";")[0])
                .doesNotContain("\tat ");
        assertThat(r.out()).doesNotContain("Dashboard:");
        assertThat(dir.resolve("missing")).doesNotExist();
        assertThat(Path.of(System.getProperty("user.home"), home)).doesNotExist();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void serve_never_migrates_an_older_database_and_names_the_command_that_upgrades_it() throws Exception {
        CliHarness cli = new CliHarness(dir);
        org.flywaydb.core.Flyway.configure()
                .dataSource(cli.dbUrl(), "sa", "")
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        String before = DatabaseVersionTest.execute(cli.dbUrl(), null);

        CliHarness.Result r = cli.run("serve", "--port", "0", "--db", cli.dbUrl());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .containsPattern("has schema version 1, older than this workbench's [0-9]+;")
                .contains("the dashboard never changes a database")
                .contains("workbench list --db");
        assertThat(DatabaseVersionTest.execute(cli.dbUrl(), null)).isEqualTo(before);

        assertThat(cli.runWithDb("list").exitCode()).isZero();
        assertThat(DatabaseVersionTest.execute(cli.dbUrl(), null)).isNotEqualTo(before);
    }

    @Test
    void run_with_serve_rejects_a_bad_spec_before_serving_or_writing() {
        CliHarness cli = new CliHarness(dir);
        Path spec = cli.spec("bad", CliHarness.TINY.replace("epochs: 2", "epochs: -1"));
        CliHarness.Result r = cli.runWithDb("run", spec.toString(), "--serve", "--port", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("Dashboard:");
        assertThat(Files.exists(dir.resolve("db"))).isFalse();
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> r =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private boolean refused(String url) throws Exception {
        try {
            http.send(
                    HttpRequest.newBuilder(URI.create(url + "api/experiments")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }
}
