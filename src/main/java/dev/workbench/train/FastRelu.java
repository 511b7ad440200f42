package dev.workbench.train;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's ReLU with its backward pass, {@code dL/dz = z > 0 ? dL/da : 0}, computed by a Java loop over the
 * native buffers. ND4J's {@code relu_bp} op computes the same through a {@code std::function} call per
 * element, which cost a unit of the default grid about a tenth of its time. The forward pass is DL4J's.
 * The values are the same bit for bit, zeros' signs included; arrays this loop does not cover (views,
 * other types or layouts) take DL4J's path.
 *
 * <p>Networks train with it ({@link NetworkFactory}) but are never saved with it: ModelZip writes
 * DL4J's own ReLU, so saved models load in plain DL4J.
 */
public final class FastRelu extends ActivationReLU {

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        if (!covered(in, epsilon)) {
            return super.backprop(in, epsilon);
        }
        INDArray out = in.ulike();
        if (!whole(out)) {
            return super.backprop(in, epsilon);
        }
        FloatBuffer z = in.data().asNioFloat();
        FloatBuffer gradient = epsilon.data().asNioFloat();
        FloatBuffer result = out.data().asNioFloat();
        int n = (int) in.length();
        for (int i = 0; i < n; i++) {
            result.put(i, z.get(i) > 0f ? gradient.get(i) : 0f);
        }
        return new Pair<>(out, null);
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
