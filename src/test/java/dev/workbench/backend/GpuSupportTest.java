package dev.workbench.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GpuSupportTest {

    @Test
    void parsesNvidiaSmiLines() {
        assertThat(GpuSupport.parse("NVIDIA A100-SXM4-40GB, 8.0\nNVIDIA H100 80GB HBM3, 9.0\n"))
                .containsExactly(
                        new GpuSupport.Gpu("NVIDIA A100-SXM4-40GB", 8, 0),
                        new GpuSupport.Gpu("NVIDIA H100 80GB HBM3", 9, 0));
    }

    @Test
    void skipsErrorsAndEmptyOutput() {
        assertThat(GpuSupport.parse("")).isEmpty();
        assertThat(GpuSupport.parse("NVIDIA-SMI has failed because it couldn't communicate with the driver"))
                .isEmpty();
        assertThat(GpuSupport.parse("Field \"compute_cap\" is not a valid field to query, x"))
                .isEmpty();
    }

    @Test
    void releasedBinariesRunFromKeplerK80ToAdaButNotHopper() {
        assertThat(new GpuSupport.Gpu("Tesla K80", 3, 7).supported()).isTrue();
        assertThat(new GpuSupport.Gpu("Tesla K40", 3, 5).supported()).isFalse();
        assertThat(new GpuSupport.Gpu("Tesla V100", 7, 0).supported()).isTrue();
        assertThat(new GpuSupport.Gpu("RTX 3090", 8, 6).supported()).isTrue();
        assertThat(new GpuSupport.Gpu("RTX 4090", 8, 9).supported()).isTrue();
        assertThat(new GpuSupport.Gpu("H100", 9, 0).supported()).isFalse();
        assertThat(new GpuSupport.Gpu("B200", 10, 0).supported()).isFalse();
    }

    @Test
    void namesTheProblem() {
        assertThat(GpuSupport.problem(List.of()))
                .hasValueSatisfying(p -> assertThat(p).contains("no NVIDIA GPU"));
        assertThat(GpuSupport.problem(GpuSupport.parse("NVIDIA A100, 8.0\nNVIDIA H200, 9.0")))
                .hasValueSatisfying(p -> assertThat(p).contains("NVIDIA H200 (compute capability 9.0)", "Hopper"));
        assertThat(GpuSupport.problem(GpuSupport.parse("NVIDIA A100, 8.0"))).isEmpty();
    }
}
