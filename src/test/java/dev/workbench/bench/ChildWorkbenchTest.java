package dev.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChildWorkbenchTest {

    @Test
    void theChildRunsWithTheSameHeapCollectorAndProperties() {
        assertThat(java.util.List.of(
                                "-Xmx4g",
                                "-Xmn64m",
                                "-XX:+UseParallelGC",
                                "-XX:MaxRAMPercentage=50",
                                "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                                "-Dworkbench.gc.resident.bytes=1",
                                "-XX:+HeapDumpOnOutOfMemoryError",
                                "-agentlib:jdwp=transport=dt_socket",
                                "-Dfile.encoding=UTF-8")
                        .stream()
                        .filter(ChildWorkbench::inherited))
                .containsExactly(
                        "-Xmx4g",
                        "-Xmn64m",
                        "-XX:+UseParallelGC",
                        "-XX:MaxRAMPercentage=50",
                        "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                        "-Dworkbench.gc.resident.bytes=1");
    }
}
