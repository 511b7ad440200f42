package dev.workbench.train;

import java.lang.ref.Reference;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's ReLU with its backward pass, {@code dL/dz = z > 0 ? dL/da : 0}, computed by a branch-free Java loop
 * on the floats' bits, copied in and out of the native buffers in chunks. ND4J's {@code relu_bp} op computes
 * the same through a {@code std::function} call per element: 1.42 ms against 0.58 ms for a 64×8×28×28
 * array on one thread, about a tenth of a unit of the default grid. The forward pass is DL4J's. The values
 * are the same bit for bit, zeros' signs and NaNs included; arrays the loop does not cover (views, other
 * types or layouts) take DL4J's path.
 *
 * <p>Networks train with it ({@link NetworkFactory}) but are never saved with it: ModelZip writes
 * DL4J's own ReLU, so saved models load in plain DL4J.
 */
public final class FastRelu extends ActivationReLU {

    /** Elements per bulk copy between the native buffers and the loop's arrays. */
    private static final int CHUNK = 8192;

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        if (!covered(in, epsilon)) {
            return super.backprop(in, epsilon);
        }
        INDArray out = in.ulike();
        if (!whole(out)) {
            return super.backprop(in, epsilon);
        }
        IntBuffer z = in.data().asNioInt();
        IntBuffer gradient = epsilon.data().asNioInt();
        IntBuffer result = out.data().asNioInt();
        int n = (int) in.length();
        int[] zBits = new int[Math.min(n, CHUNK)];
        int[] bits = new int[zBits.length];
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            z.get(from, zBits, 0, m);
            gradient.get(from, bits, 0, m);
            for (int i = 0; i < m; i++) {
                bits[i] &= positive(zBits[i]);
            }
            result.put(from, bits, 0, m);
        }
        // the NIO views do not hold the arrays: keep them (and so their native memory) alive until here
        Reference.reachabilityFence(in);
        Reference.reachabilityFence(epsilon);
        return new Pair<>(out, null);
    }

    /**
     * All ones when the float with these bits is above 0 (so not a zero, a negative or a NaN), else 0: bits
     * in (0, 0x7F800000]. Branch-free, so the loop above runs as vector instructions.
     */
    private static int positive(int bits) {
        return (-bits >> 31) & ((bits - 0x7F800001) >> 31);
    }

    /** Both arrays own whole, same-layout FLOAT buffers of the same shape. */
    private static boolean covered(INDArray in, INDArray epsilon) {
        return in.dataType() == DataType.FLOAT
                && epsilon.dataType() == DataType.FLOAT
                && Arrays.equals(in.shape(), epsilon.shape())
                && in.ordering() == epsilon.ordering()
                && whole(in)
                && whole(epsilon)
                && in.length() <= Integer.MAX_VALUE;
    }

    private static boolean whole(INDArray array) {
        return !array.isView() && array.data().length() == array.length() && array.elementWiseStride() == 1;
    }

    @Override
    public String toString() {
        return "relu";
    }
}
