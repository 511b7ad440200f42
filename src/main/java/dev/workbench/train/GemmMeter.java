package dev.workbench.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Measures the FLOAT matrix-multiply rate ND4J reaches on the calling thread: the machine's ceiling. */
public final class GemmMeter {

    private GemmMeter() {}

    /** Length of one timing window; the best window counts, so short bursts of other load do not. */
    private static final double WINDOW_SECONDS = 0.5;

    /**
     * GFLOP/s of {@code n×n} by {@code n×n} FLOAT products ({@code 2n³} FLOPs each) on this thread: the
     * best of the half-second windows in about {@code seconds} of products, after one warm-up product.
     */
    public static double gflops(int n, double seconds) {
        try (INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
                INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
                INDArray c = Nd4j.create(DataType.FLOAT, n, n)) {
            a.mmuli(b, c);
            double best = 0;
            for (int window = 0; window < Math.max(1, seconds / WINDOW_SECONDS); window++) {
                best = Math.max(best, window(a, b, c));
            }
            return best;
        }
    }

    private static double window(INDArray a, INDArray b, INDArray c) {
        long start = System.nanoTime();
        long products = 0;
        long elapsed;
        do {
            a.mmuli(b, c);
            products++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < WINDOW_SECONDS * 1e9);
        double n = a.rows();
        return products * 2.0 * n * n * n / elapsed;
    }
}
