package dev.workbench.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.UserInputException;
import org.junit.jupiter.api.Test;

class BackendSelectorTest {

    private static final String A100 = "NVIDIA A100-SXM4-40GB, 8.0";
    private static final String H100 = "NVIDIA H100 80GB HBM3, 9.0";

    @Test
    void cpuUnlessCudaIsAskedFor() {
        assertThat(new BackendSelector(null, true, () -> A100).choose())
                .isEqualTo(new BackendSelector.Choice("cpu", false, ""));
        assertThat(new BackendSelector(" CPU ", true, () -> A100).choose().cuda())
                .isFalse();
    }

    @Test
    void cudaOnASupportedGpuInACudaBuild() {
        assertThat(new BackendSelector("cuda", true, () -> A100).choose())
                .isEqualTo(new BackendSelector.Choice("cuda", true, ""));
    }

    @Test
    void fallsBackToTheCpuOnHopperWithoutAGpuOrWithoutTheCudaBuild() {
        assertThat(new BackendSelector("cuda", true, () -> H100).choose())
                .satisfies(c -> assertThat(c.cuda()).isFalse())
                .satisfies(c -> assertThat(c.fallback()).contains("H100", "sm_90"));
        assertThat(new BackendSelector("cuda", true, () -> "").choose().fallback())
                .contains("no NVIDIA GPU");
        assertThat(new BackendSelector("cuda", false, () -> A100).choose().fallback())
                .contains("mvn -Pcuda");
    }

    @Test
    void rejectsOtherBackends() {
        assertThatThrownBy(() -> new BackendSelector("rocm", false, () -> ""))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("WORKBENCH_BACKEND")
                .hasMessageContaining("rocm");
    }

    @Test
    void theCpuBuildHasNoCudaBackend() {
        assertThat(BackendSelector.class.getClassLoader().getResource(BackendSelector.CUDA_BACKEND_CLASS))
                .isNull();
    }
}
