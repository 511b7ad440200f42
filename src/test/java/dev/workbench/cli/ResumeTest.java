package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL and started again ends with the same results as an uninterrupted run. */
@Tag("slow")
class ResumeTest {

    private static final String SPEC = CliHarness.TINY.replace("epochs: 2", "epochs: 10");

    @TempDir
    Path dir;

    @Test
    void sigkilled_run_resumes_to_the_same_results_as_an_uninterrupted_run() throws Exception {
        CliHarness reference = new CliHarness(dir.resolve("reference"));
        assertThat(reference
                        .runWithDb("run", reference.spec("tiny", SPEC).toString(), "--parallel", "1")
                        .exitCode())
                .isZero();

        CliHarness killed = new CliHarness(dir.resolve("killed"));
        Path spec = killed.spec("tiny", SPEC);
        Process process = new ProcessBuilder(List.of(
                        javaBinary(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "run",
                        spec.toString(),
                        "--parallel",
                        "1",
                        "--lease",
                        "2",
                        "--db",
                        killed.dbUrl(),
                        "--data-dir",
                        dir.resolve("killed/data").toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile())
                .start();
        int seen = waitForEpochs(killed.dbUrl() + ";IFEXISTS=TRUE", 12, process, dir.resolve("killed.log"));
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(seen).as("killed mid-way, not after the end").isBetween(12, 39);

        CliHarness.Result resumed = killed.runWithDb("run", spec.toString(), "--parallel", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("Resuming 'tiny'").contains("already done");
        assertThat(RunCommandTest.curves(killed.showJson("tiny")))
                .isEqualTo(RunCommandTest.curves(reference.showJson("tiny")));
    }

    private static int waitForEpochs(String url, int atLeast, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            int n = epochs(url);
            if (n >= atLeast) {
                return n;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(
                "the run never stored " + atLeast + " epochs; its output:\n" + java.nio.file.Files.readString(log));
    }

    private static int epochs(String url) {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM epoch_metric")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
