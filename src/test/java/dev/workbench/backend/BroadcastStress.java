package dev.workbench.backend;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Child process for {@link DeferredDeallocatorTest}: threads adding a row vector in a loop, the op whose
 * temporary dimension array ND4J's own deallocator freed during the native call, and a thread that
 * makes Java garbage so that collections come every few milliseconds. Arguments: seconds,
 * threads, and {@code deferred} or {@code nd4j} (which deallocator to run with). Prints the op count.
 */
public final class BroadcastStress {

    private static volatile byte[] sink;

    private BroadcastStress() {}

    public static void main(String[] args) throws InterruptedException {
        long seconds = Long.parseLong(args[0]);
        int threads = Integer.parseInt(args[1]);
        if (args[2].equals("deferred")) {
            new CpuBackend().prepare();
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[] counts = new long[threads];
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                INDArray bias = Nd4j.rand(1, 64);
                INDArray matrix = Nd4j.rand(16, 64);
                while (System.nanoTime() < end) {
                    matrix.addiRowVector(bias);
                    counts[id]++;
                }
            });
            thread.start();
            started.add(thread);
        }
        Thread churn = new Thread(
                () -> { // Java garbage only: a young collection every few milliseconds
                    while (System.nanoTime() < end) {
                        sink = new byte[4096];
                    }
                });
        churn.start();
        started.add(churn);
        for (Thread thread : started) {
            thread.join();
        }
        System.out.println("ops " + java.util.Arrays.stream(counts).sum());
    }
}
