package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adaptive searches killed with SIGKILL mid-search (after halving's first rung decided, after TPE's first batch
 * was proposed) and run again end with exactly the results of an uninterrupted run: every trial's status,
 * parameters, seeds, rung, batch and every epoch of every fold, bit for bit.
 */
@Tag("slow")
class SearchResumeTest {

    /**
     * Rungs at 1, 2, 4, 8 and 16 of 30 epochs, four trials: the kill lands in a continued fold's segment, with
     * enough epochs left after it that a fast machine cannot finish the run between two polls.
     */
    static final String HALVING = HalvingRunTest.HALVING.replace("epochs: 4", "epochs: 30");

    /** Epochs enough that the run is still training when the poll sees the first batch's trials train. */
    static final String TPE = TpeRunTest.TPE.replace("epochs: 1", "epochs: 12");

    @TempDir
    Path dir;

    @Test
    void halvingKilledAfterTheFirstRungResumesToTheUninterruptedResults() throws Exception {
        String reference = reference(HALVING);
        CliHarness killed = new CliHarness(dir.resolve("killed"));
        ChildWorkbench run = start(killed, HALVING);
        Sql.awaitAtLeast(killed.dbUrl(), "SELECT COUNT(*) FROM rung WHERE state = 'closed'", 1, 300, run);
        Sql.awaitAtLeast(killed.dbUrl(), "SELECT COUNT(*) FROM epoch_metric WHERE epoch >= 3", 1, 300, run);
        kill(run, killed);

        assertThat(resume(killed)).isEqualTo(reference);
        assertThat(Sql.one(killed.dbUrl(), "SELECT COUNT(*) FROM unit_checkpoint"))
                .as("checkpoints go when units end")
                .isZero();
    }

    @Test
    void tpeKilledAfterTheFirstBatchResumesToTheUninterruptedResults() throws Exception {
        String reference = reference(TPE);
        CliHarness killed = new CliHarness(dir.resolve("killed"));
        ChildWorkbench run = start(killed, TPE);
        Sql.awaitAtLeast(killed.dbUrl(), "SELECT COUNT(*) FROM search_batch WHERE state = 'closed'", 1, 300, run);
        Sql.awaitAtLeast(
                killed.dbUrl(),
                "SELECT COUNT(*) FROM epoch_metric m JOIN fold_run f ON f.id = m.fold_run_id"
                        + " JOIN trial t ON t.id = f.trial_id WHERE t.trial_index >= 3",
                1,
                300,
                run);
        kill(run, killed);

        assertThat(resume(killed)).isEqualTo(reference);
    }

    private String reference(String yaml) throws Exception {
        CliHarness h = new CliHarness(dir.resolve("reference"));
        CliHarness.Result r = h.runWithDb("run", h.spec("tiny", yaml).toString(), "--parallel", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return results(h.showJson("tiny"));
    }

    private ChildWorkbench start(CliHarness h, String yaml) {
        return ChildWorkbench.start(
                dir.resolve("killed.log"),
                "run",
                h.spec("tiny", yaml).toString(),
                "--parallel",
                "1",
                "--lease",
                "2",
                "--db",
                h.dbUrl(),
                "--data-dir",
                dir.resolve("killed").resolve("data").toString());
    }

    /** SIGKILL, then checks the kill landed before the end. */
    private static void kill(ChildWorkbench run, CliHarness h) throws InterruptedException {
        run.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(Sql.one(h.dbUrl(), "SELECT COUNT(*) FROM work_unit WHERE kind = 'refit' AND state = 'queued'"))
                .as("killed mid-search, not after the end:\n" + run.output())
                .isEqualTo(1);
        assertThat(Sql.one(h.dbUrl(), "SELECT COUNT(*) FROM work_unit WHERE state = 'running'"))
                .as("killed while training a unit")
                .isEqualTo(1);
    }

    private String resume(CliHarness h) throws Exception {
        CliHarness.Result resumed =
                h.runWithDb("run", dir.resolve("killed").resolve("tiny.yaml").toString(), "--parallel", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("Resuming 'tiny'");
        String last = CliHarness.epochCounts(resumed.err())
                .get(CliHarness.epochCounts(resumed.err()).size() - 1);
        assertThat(last.split("/")[0])
                .as("the resumed run's progress bar ends at its total: " + resumed.err())
                .isEqualTo(last.split("/")[1]);
        assertThat(Sql.one(h.dbUrl(), "SELECT COUNT(*) FROM work_unit WHERE error LIKE '%stopped renewing its lease'"))
                .as("the killed run's unit was taken over")
                .isEqualTo(1);
        return results(h.showJson("tiny"));
    }

    /** What must survive a crash: the curves (params, seeds, scores, epochs, refit) and the search's decisions. */
    static String results(JsonNode doc) {
        StringBuilder out = new StringBuilder(RunCommandTest.curves(doc));
        for (JsonNode t : doc.get("trials")) {
            out.append('\n')
                    .append(t.get("index"))
                    .append(' ')
                    .append(t.get("status"))
                    .append(" pruned_at ")
                    .append(t.get("pruned_at_epoch"))
                    .append(" rung ")
                    .append(t.get("rung"))
                    .append(" proposal ")
                    .append(t.get("proposal"));
        }
        return out.toString();
    }
}
