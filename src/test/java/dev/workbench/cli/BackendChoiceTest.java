package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asking for CUDA in the CPU build: the run says why it uses the CPU, and provenance records it. */
class BackendChoiceTest {

    private static final String PROPERTY = "workbench.backend";

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void cudaRequestInTheCpuBuildRunsOnTheCpuAndSaysWhy() throws Exception {
        CliHarness harness = new CliHarness(dir);
        Path spec = harness.spec(
                "tiny", CliHarness.TINY.replace("epochs: 2", "epochs: 1").replace("refit: true", "refit: false"));
        System.setProperty(PROPERTY, "cuda");

        CliHarness.Result r = harness.runWithDb("run", spec.toString(), "--parallel", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("Backend: CPU", "(cuda requested, but this build has no CUDA backend;");
        JsonNode backend = harness.showJson("tiny").at("/experiment/provenance/backend");
        assertThat(backend.get("backend").asText()).isEqualTo("CPU");
        assertThat(backend.get("requested").asText()).isEqualTo("cuda");
        assertThat(backend.get("fallback").asText()).contains("mvn -Pcuda");
    }

    @Test
    void anUnknownBackendIsBadInput() {
        CliHarness harness = new CliHarness(dir);
        Path spec = harness.spec("tiny", CliHarness.TINY);
        System.setProperty(PROPERTY, "tpu");

        CliHarness.Result r = harness.runWithDb("run", spec.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("WORKBENCH_BACKEND: expected 'cpu' or 'cuda', got 'tpu'");
    }
}
