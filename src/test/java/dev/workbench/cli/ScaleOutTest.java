package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.testing.PostgresServer;
import dev.workbench.testing.SyntheticMnist;
import dev.workbench.web.Dashboard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers in real processes on one PostgreSQL database (and two runs on one H2 file): the results are
 * bit-identical to a single-process H2 run whatever is killed, paused or restarted on the way.
 */
@Tag("slow")
class ScaleOutTest {

    static final String SPEC = CliHarness.TINY
            .replace("epochs: 2", "epochs: 8")
            .replace("lr: {values: [0.01, 0.003]}", "lr: {values: [0.01, 0.003, 0.001]}");
    private static final String RUNNING_UNIT = "SELECT id FROM work_unit WHERE state = 'running' ORDER BY id";

    @TempDir
    static Path shared;

    private static String reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void singleProcessH2Run() throws Exception {
        CliHarness h2 = new CliHarness(shared.resolve("reference"));
        CliHarness.Result run = h2.runWithDb("run", h2.spec("tiny", SPEC).toString(), "--parallel", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        reference = RunCommandTest.curves(h2.showJson("tiny"));
    }

    /** A harness with synthetic data, a fresh PostgreSQL database and the experiment submitted to it. */
    private Submitted submitted() {
        CliHarness h = new CliHarness(dir);
        String db = PostgresServer.get().newDatabase("scaleout");
        CliHarness.Result submit = h.run("submit", h.spec("tiny", SPEC).toString(), "--db", db, "--data-dir", data());
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        assertThat(submit.out())
                .contains("Submitted 'tiny'")
                .contains("7 units, 7 left to train")
                .contains("workbench worker --db");
        return new Submitted(h, db);
    }

    private record Submitted(CliHarness harness, String db) {
        String curves() throws Exception {
            CliHarness.Result show = harness.run("show", "tiny", "--json", "--db", db);
            assertThat(show.exitCode()).as(show.err()).isZero();
            return RunCommandTest.curves(new com.fasterxml.jackson.databind.ObjectMapper().readTree(show.out()));
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private ChildWorkbench worker(String db, String name, int lease) {
        return ChildWorkbench.start(
                dir.resolve(name + ".log"),
                "worker",
                "--db",
                db,
                "--data-dir",
                data(),
                "--until-idle",
                "--parallel",
                "1",
                "--lease",
                Integer.toString(lease));
    }

    @Test
    void threeWorkerProcessesOnPostgresqlGiveTheResultsOfOneH2Process() throws Exception {
        Submitted s = submitted();
        ChildWorkbench[] workers = {worker(s.db(), "w1", 10), worker(s.db(), "w2", 10), worker(s.db(), "w3", 10)};
        for (ChildWorkbench w : workers) {
            assertThat(w.await(600)).as(w.output()).isZero();
            assertThat(w.output()).contains("Worker finished:");
        }
        assertThat(s.curves()).isEqualTo(reference);
        assertThat(Sql.longs(s.db(), "SELECT attempt FROM work_unit"))
                .as("no unit claimed twice")
                .containsOnly(1L);
        System.out.println(
                "workers that trained fold units: " + Sql.one(s.db(), "SELECT COUNT(DISTINCT worker) FROM fold_run"));
        assertTheDashboardOnPostgresqlShowsTheWorkers(s.db(), workers);
    }

    private static void assertTheDashboardOnPostgresqlShowsTheWorkers(String db, ChildWorkbench[] workers)
            throws Exception {
        try (Dashboard dashboard = Dashboard.start(db, "127.0.0.1", 0, true)) {
            long id = Sql.one(db, "SELECT id FROM experiment");
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(dashboard.url() + "api/experiments/" + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode queue = new ObjectMapper().readTree(page.body()).get("queue");
            assertThat(queue.get("done").asInt()).isEqualTo(7);
            int unitsDone = 0;
            for (JsonNode w : queue.get("workers")) {
                assertThat(w.get("worker").asText())
                        .matches(".+:(" + workers[0].pid() + "|" + workers[1].pid() + "|" + workers[2].pid() + ")");
                unitsDone += w.get("units_done").asInt();
            }
            assertThat(unitsDone).isEqualTo(7);
        }
    }

    @Test
    void aUnitOfAKilledWorkerIsTakenOverAfterItsLeaseAndItsEpochsAreReplaced() throws Exception {
        Submitted s = submitted();
        ChildWorkbench killed = worker(s.db(), "killed", 2);
        Sql.awaitAtLeast(s.db(), "SELECT COUNT(*) FROM epoch_metric", 3, 300, killed);
        long unit = Sql.one(s.db(), RUNNING_UNIT);
        killed.process().destroyForcibly().waitFor();

        ChildWorkbench survivor = worker(s.db(), "survivor", 2);
        assertThat(survivor.await(600)).as(survivor.output()).isZero();
        assertThat(s.curves()).isEqualTo(reference);
        assertThat(Sql.one(s.db(), "SELECT attempt FROM work_unit WHERE id = " + unit))
                .isEqualTo(2);
        assertThat(Sql.one(s.db(), "SELECT failures FROM work_unit WHERE id = " + unit))
                .isEqualTo(1);
        assertThat(Sql.one(
                        s.db(),
                        "SELECT COUNT(*) FROM fold_run WHERE unit_id = " + unit + " AND attempt = 2"
                                + " AND worker LIKE '%:" + survivor.pid() + "'"))
                .isEqualTo(1);
        assertThat(Sql.one(s.db(), "SELECT COUNT(*) FROM epoch_metric")).isEqualTo(6 * 8);
    }

    @Test
    void aPausedWorkersLateWritesAreRejectedAndItCarriesOn() throws Exception {
        Submitted s = submitted();
        ChildWorkbench paused = worker(s.db(), "paused", 2);
        Sql.awaitAtLeast(s.db(), "SELECT COUNT(*) FROM epoch_metric", 2, 300, paused);
        long unit = pauseMidUnit(paused, s.db());
        ChildWorkbench other = worker(s.db(), "other", 2);
        Sql.awaitAtLeast(s.db(), "SELECT attempt FROM work_unit WHERE id = " + unit, 2, 300, other);
        paused.signal("CONT");

        assertThat(other.await(600)).as(other.output()).isZero();
        assertThat(paused.await(600)).as(paused.output()).isZero();
        assertThat(paused.output()).contains("abandoned").contains("no longer claimed by");
        assertThat(s.curves()).isEqualTo(reference);
        assertThat(Sql.one(
                        s.db(),
                        "SELECT COUNT(*) FROM fold_run WHERE unit_id = " + unit + " AND worker LIKE '%:" + paused.pid()
                                + "'"))
                .as("the paused attempt left nothing")
                .isZero();
        assertThat(Sql.one(s.db(), "SELECT COUNT(*) FROM epoch_metric")).isEqualTo(6 * 8);
    }

    /**
     * Stops {@code worker} (SIGSTOP) while it holds a unit and returns that unit's id. Units take under a second
     * here, so a stop can land between two units; then it continues the worker and tries again.
     */
    private static long pauseMidUnit(ChildWorkbench worker, String db) throws Exception {
        String held = "SELECT id FROM work_unit WHERE state = 'running' AND owner LIKE '%:" + worker.pid() + "/%'";
        for (int tries = 0; tries < 200; tries++) {
            worker.signal("STOP");
            long unit = Sql.one(db, held);
            if (unit >= 0) {
                return unit;
            }
            worker.signal("CONT");
            Thread.sleep(37);
        }
        throw new AssertionError("the worker never held a unit when stopped:\n" + worker.output());
    }

    @Test
    void aStoppedWorkerGivesItsUnitBackAtOnce() throws Exception {
        Submitted s = submitted();
        ChildWorkbench stopped = worker(s.db(), "stopped", 600);
        Sql.awaitAtLeast(s.db(), "SELECT COUNT(*) FROM epoch_metric", 1, 300, stopped);
        long unit = Sql.one(s.db(), RUNNING_UNIT);
        stopped.signal("TERM"); // as Ctrl+C: SIGINT may be ignored by a process started in the background
        stopped.await(120);

        assertThat(stopped.output()).containsPattern("released tiny trial \\d fold \\d \\(attempt 1\\)");
        assertThat(Sql.longs(s.db(), "SELECT COUNT(*) FROM work_unit WHERE state = 'running'"))
                .containsExactly(0L);
        assertThat(Sql.one(s.db(), "SELECT COUNT(*) FROM fold_run WHERE unit_id = " + unit))
                .as("its epochs went with it")
                .isZero();
        ChildWorkbench next = worker(s.db(), "next", 600);
        assertThat(next.await(600)).as("no lease to wait for").isZero();
        assertThat(s.curves()).isEqualTo(reference);
    }

    @Test
    void workersRideOutAPostgresqlRestart() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                PostgresServer.get().restartable(),
                "the server in WORKBENCH_TEST_PG_URL is not one the tests may restart");
        Submitted s = submitted();
        ChildWorkbench a = worker(s.db(), "a", 10);
        ChildWorkbench b = worker(s.db(), "b", 10);
        Sql.awaitAtLeast(s.db(), "SELECT COUNT(*) FROM epoch_metric", 4, 300, a);
        PostgresServer.get().stop();
        Thread.sleep(3_000);
        PostgresServer.get().start();

        assertThat(a.await(600)).as(a.output()).isZero();
        assertThat(b.await(600)).as(b.output()).isZero();
        assertThat(s.curves()).isEqualTo(reference);
    }

    @Test
    void aWorkerWhoseDataDiffersClaimsNothingAndSaysWhy() throws Exception {
        Submitted s = submitted();
        SyntheticMnist.write(dir.resolve("idx"), 240, 100, 6);

        CliHarness.Result worker = s.harness().run("worker", "--db", s.db(), "--data-dir", data(), "--until-idle");
        assertThat(worker.exitCode()).as(worker.err()).isEqualTo(1);
        assertThat(worker.err())
                .contains("claiming no unit of experiment 'tiny'")
                .contains("has SHA-256")
                .contains("submitted with");
        assertThat(worker.out()).contains("0 units done").contains("Not served:");
        assertThat(Sql.longs(s.db(), "SELECT attempt FROM work_unit"))
                .hasSize(7)
                .containsOnly(0L);
    }

    @Test
    void twoRunsOfOneSpecOnOneH2FileShareTheUnits() throws Exception {
        CliHarness h = new CliHarness(dir);
        String spec = h.spec("tiny", SPEC).toString();
        ChildWorkbench first = ChildWorkbench.start(
                dir.resolve("first.log"),
                "run",
                spec,
                "--parallel",
                "1",
                "--db",
                h.dbUrl(),
                "--data-dir",
                data(),
                "--lease",
                "5");
        ChildWorkbench second = ChildWorkbench.start(
                dir.resolve("second.log"),
                "run",
                spec,
                "--parallel",
                "1",
                "--db",
                h.dbUrl(),
                "--data-dir",
                data(),
                "--lease",
                "5");
        assertThat(first.await(600)).as(first.output()).isZero();
        assertThat(second.await(600)).as(second.output()).isZero();

        assertThat(RunCommandTest.curves(h.showJson("tiny"))).isEqualTo(reference);
        assertThat(Sql.longs(h.dbUrl(), "SELECT attempt FROM work_unit"))
                .as("no unit claimed twice")
                .containsOnly(1L);
        assertThat(Sql.one(h.dbUrl(), "SELECT COUNT(*) FROM experiment")).isEqualTo(1);
        System.out.println("processes that trained fold units: "
                + Sql.one(h.dbUrl(), "SELECT COUNT(DISTINCT worker) FROM fold_run"));
    }

    /**
     * On an H2 file with {@code AUTO_SERVER=TRUE} the first process to open it serves it to the others. When that
     * process closes the database (as H2 does when the process exits), the others' connections break or find it
     * closed ("Database is already closed") and must carry on, one of them serving the file from then on. Here this
     * test's JVM opens the file first, a run and a worker join it, and the database is shut down under them at once
     * ({@code SHUTDOWN IMMEDIATELY}, as if the serving process died; a plain {@code SHUTDOWN} with remote sessions
     * open sometimes fails inside H2 2.3.232: "Transaction was illegally transitioned from CLOSED to CLOSED").
     */
    @Test
    void aRunAndAWorkerOnOneH2FileCarryOnWhenTheProcessServingItClosesIt() throws Exception {
        String longer = SPEC.replace("epochs: 8", "epochs: 48"); // long enough that the worker finds work left
        CliHarness one = new CliHarness(dir.resolve("one"));
        CliHarness.Result alone = one.runWithDb("run", one.spec("tiny", longer).toString(), "--parallel", "1");
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        CliHarness h = new CliHarness(dir.resolve("two"));
        String[] store = {"--db", h.dbUrl(), "--data-dir", data(), "--parallel", "1", "--lease", "5"};
        ChildWorkbench run;
        ChildWorkbench worker;
        try (java.sql.Connection serving = java.sql.DriverManager.getConnection(h.dbUrl(), "sa", "")) {
            run = ChildWorkbench.start(
                    dir.resolve("run.log"),
                    concat(new String[] {"run", h.spec("tiny", longer).toString()}, store));
            Sql.awaitAtLeast(h.dbUrl(), "SELECT COUNT(*) FROM epoch_metric", 1, 300, run);
            worker = ChildWorkbench.start(
                    dir.resolve("worker.log"), concat(new String[] {"worker", "--until-idle"}, store));
            Sql.awaitAtLeast(h.dbUrl(), "SELECT COUNT(DISTINCT worker) FROM fold_run", 2, 300, worker);
            serving.createStatement().execute("SHUTDOWN IMMEDIATELY"); // as if the serving process died
        }
        assertThat(run.await(600)).as(run.output()).isZero();
        assertThat(worker.await(600)).as(worker.output()).isZero();
        assertThat(RunCommandTest.curves(h.showJson("tiny"))).isEqualTo(RunCommandTest.curves(one.showJson("tiny")));
        List<String> counts = CliHarness.epochCounts(run.output());
        assertThat(counts.get(counts.size() - 1))
                .as("the run's progress bar counts the worker's epochs too, and ends at 100%")
                .isEqualTo("336/336");
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }
}
