package dev.workbench.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.workbench.provenance.BackendInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CpuBackendTest {

    private static final CpuBackend BACKEND = new CpuBackend();

    @BeforeAll
    static void prepare() {
        BACKEND.prepare();
    }

    @Test
    void readsAvx2FromTheFlagsLineOnly() {
        assertThat(CpuBackend.cpuFlagsHaveAvx2("processor\t: 0\nflags\t\t: fpu sse4_2 avx avx2 fma\n"))
                .isTrue();
        assertThat(CpuBackend.cpuFlagsHaveAvx2("flags\t\t: fpu sse4_2 avx avx512f\n"))
                .isFalse();
        assertThat(CpuBackend.cpuFlagsHaveAvx2("model name\t: avx2 marketing\nflags\t\t: fpu\n"))
                .isFalse();
    }

    @Test
    void choosesTheOneDnnBuildOnlyWithAvx2AndOtherwiseForcesTheGenericOne() {
        assertThat(CpuBackend.extensionFor(true)).isEqualTo("-onednn-avx2");
        assertThat(CpuBackend.extensionFor(false)).isEmpty();
    }

    @Test
    void prepareIsIdempotentAndSelectsTheOneDnnBuildOnAvx2() {
        BACKEND.prepare();
        assertThat(System.getProperty(CpuBackend.HELPERS_DISABLE)).isEqualTo("false");
        BackendInfo info = BACKEND.describe();
        assertThat(info.backend()).isEqualTo("CPU");
        assertThat(info.ompThreads()).isPositive();
        assumeTrue(BACKEND.hasAvx2(), "CPU lacks AVX2");
        assertThat(info.nativeBuild())
                .as("loaded native build (ND4J loaded before prepare()?)")
                .isEqualTo("linux-x86_64-onednn-avx2");
        assertThat(info.buildFlags()).contains("HAVE_ONEDNN");
        assertThat(info.oneDnn()).isTrue();
        assertThat(info.layerHelpers()).isTrue();
    }
}
