package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.testing.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Successive halving with worker processes on one queue: rungs close once, in the database, whoever finishes
 * their last unit; continued units resume on whichever worker claims them. Same results as one thread.
 */
class HalvingScaleOutTest {

    @TempDir
    Path dir;

    private String reference(Path at) throws Exception {
        CliHarness h = new CliHarness(at);
        CliHarness.Result r =
                h.runWithDb("run", h.spec("tiny", HalvingRunTest.HALVING).toString(), "--parallel", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return RunCommandTest.curves(h.showJson("tiny")) + statuses(h.showJson("tiny"));
    }

    @Test
    void twoWorkerProcessesOnPostgresqlGiveTheResultsOfOneH2Thread() throws Exception {
        String reference = reference(dir.resolve("reference"));
        CliHarness h = new CliHarness(dir.resolve("pg"));
        String db = PostgresServer.get().newDatabase("halving");
        String data = dir.resolve("pg").resolve("data").toString();
        CliHarness.Result submit =
                h.run("submit", h.spec("tiny", HalvingRunTest.HALVING).toString(), "--db", db, "--data-dir", data);
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        ChildWorkbench a = ChildWorkbench.start(
                dir.resolve("w1.log"),
                "worker",
                "--db",
                db,
                "--data-dir",
                data,
                "--until-idle",
                "--parallel",
                "1",
                "--lease",
                "10");
        ChildWorkbench b = ChildWorkbench.start(
                dir.resolve("w2.log"),
                "worker",
                "--db",
                db,
                "--data-dir",
                data,
                "--until-idle",
                "--parallel",
                "1",
                "--lease",
                "10");
        assertThat(a.await(600)).as(a.output()).isZero();
        assertThat(b.await(600)).as(b.output()).isZero();
        CliHarness.Result show = h.run("show", "tiny", "--json", "--db", db);
        assertThat(show.exitCode()).as(show.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(show.out());
        assertThat(RunCommandTest.curves(doc) + statuses(doc)).isEqualTo(reference);
        assertThat(Sql.one(db, "SELECT COUNT(*) FROM rung WHERE state = 'closed'"))
                .isEqualTo(2);
        assertThat(Sql.one(db, "SELECT COUNT(*) FROM unit_checkpoint"))
                .as("checkpoints go when units end")
                .isZero();
        System.out.println(
                "workers that trained fold units: " + Sql.one(db, "SELECT COUNT(DISTINCT worker) FROM fold_run"));
    }

    private static String statuses(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.get("trials")
                .forEach(t -> out.add(t.get("status").asText() + "@" + t.get("pruned_at_epoch") + " " + t.get("rung")));
        return out.toString();
    }
}
