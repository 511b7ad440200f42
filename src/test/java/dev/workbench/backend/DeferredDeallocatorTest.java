package dev.workbench.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.memory.Deallocatable;
import org.nd4j.linalg.api.memory.Deallocator;
import org.nd4j.linalg.factory.Nd4j;

class DeferredDeallocatorTest {

    @Test
    void theBackendInstallsItAndItFreesAnUnreachableObjectOnce() throws InterruptedException {
        new CpuBackend().prepare();
        assertInstanceOf(DeferredDeallocator.class, Nd4j.getDeallocatorService());
        AtomicInteger freed = new AtomicInteger();
        Nd4j.getDeallocatorService().pickObject(new Counted(freed));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (freed.get() == 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        Thread.sleep(2 * DeferredDeallocator.DELAY_MILLIS);
        assertEquals(1, freed.get());
    }

    /**
     * Four threads of row-vector additions, a thread making Java garbage and a 2 MB young generation: with
     * ND4J's own deallocator ({@code nd4j} instead of {@code deferred}) this crashed the JVM in 4 of 4 runs,
     * within 3 to 9 s (SIGSEGV in sd::DataBuffer::primary(), once in sd::TadDescriptor).
     */
    @Test
    void broadcastsUnderConstantCollectionsDoNotCrash(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("stress.log");
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseParallelGC",
                        "-Xmn2m",
                        "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BroadcastStress.class.getName(),
                        "15",
                        "4",
                        "deferred"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "still running");
        String output = Files.readString(log);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("ops "), output);
    }

    private record Counted(AtomicInteger freed) implements Deallocatable {
        @Override
        public String getUniqueId() {
            return "counted";
        }

        @Override
        public Deallocator deallocator() {
            return freed::incrementAndGet;
        }

        @Override
        public int targetDevice() {
            return 0;
        }
    }
}
