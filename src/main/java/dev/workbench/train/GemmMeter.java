package dev.workbench.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Measures the FLOAT matrix-multiply rate ND4J reaches on the calling thread: the machine's ceiling. */
public final class GemmMeter {

    private GemmMeter() {
    }

    /**
     * GFLOP/s of {@code n×n} by {@code n×n} FLOAT products ({@code 2n³} FLOPs each) on this thread,
     * repeated for about {@code seconds} after one warm-up product.
     */
    public static double gflops(int n, double seconds) {
        try (INDArray a = Nd4j.rand(DataType.FLOAT, n, n); INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
             INDArray c = Nd4j.create(DataType.FLOAT, n, n)) {
            a.mmuli(b, c);
            long start = System.nanoTime();
            long products = 0;
            long elapsed;
            do {
                a.mmuli(b, c);
                products++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < seconds * 1e9);
            return products * 2.0 * n * n * n / elapsed;
        }
    }
}
