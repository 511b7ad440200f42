package dev.workbench.train;

import static dev.workbench.train.TrainFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.backend.CpuBackend;
import dev.workbench.spec.ModelSpec;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FastReluTest {

    @BeforeAll
    static void prepare() {
        new CpuBackend().prepare();
    }

    @Test
    void gradientsEqualDl4jsBitForBitZerosSignsAndNaNsIncluded() {
        INDArray z = Nd4j.rand(DataType.FLOAT, 4, 3, 5, 5).subi(0.5f);
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, 4, 3, 5, 5).subi(0.5f);
        z.putScalar(0, 0f);
        z.putScalar(1, -0f);
        z.putScalar(2, Float.NaN);
        z.putScalar(5, Float.POSITIVE_INFINITY);
        z.putScalar(6, Float.NEGATIVE_INFINITY);
        z.putScalar(7, Float.intBitsToFloat(0xFFC00001)); // a NaN with the sign bit set
        z.putScalar(8, Float.MIN_VALUE);
        z.putScalar(9, -Float.MIN_VALUE);
        epsilon.putScalar(3, -0f);
        epsilon.putScalar(4, Float.NaN);
        INDArray wide = Nd4j.rand(DataType.FLOAT, 6, 8).subi(0.5f);
        for (INDArray[] pair : new INDArray[][] {
            {z, epsilon},
            {z.dup('f'), epsilon.dup('f')},
            {wide, wide.mul(-3)},
            {
                Nd4j.rand(DataType.FLOAT, 3, 9000).subi(0.5f),
                Nd4j.rand(DataType.FLOAT, 3, 9000).subi(0.5f)
            },
            {wide.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6)), Nd4j.rand(DataType.FLOAT, 6, 4)},
        }) {
            int[] ours = bits(new FastRelu()
                    .backprop(pair[0].dup(pair[0].ordering()), pair[1])
                    .getFirst());
            int[] theirs = bits(new ActivationReLU()
                    .backprop(pair[0].dup(pair[0].ordering()), pair[1])
                    .getFirst());
            assertThat(ours).containsExactly(theirs);
        }
    }

    @Test
    void networksTrainBitForBitAsWithDl4jsRelu() {
        ModelSpec model = TrainFixtures.twoConvCnn();
        var adam = TrainFixtures.adam(1e-3, 16, 1);
        NetworkFactory factory = new NetworkFactory();
        MultiLayerNetwork fast = factory.network(model, adam, Map.of(), 5L);
        MultiLayerConfiguration conf = factory.configuration(model, adam, Map.of(), 5L);
        int relus = 0;
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            if (layer.getLayer() instanceof BaseLayer base && base.getActivationFn() instanceof FastRelu) {
                base.setActivationFn(new ActivationReLU());
                relus++;
            }
        }
        assertThat(relus).isEqualTo(3);
        MultiLayerNetwork plain = new MultiLayerNetwork(conf);
        plain.init();
        TrainFixtures.fitSideBySide(fast, plain);
        assertThat(fast.params().data().asFloat())
                .containsExactly(plain.params().data().asFloat());
        assertThat(fast.getUpdater().getStateViewArray().data().asFloat())
                .containsExactly(plain.getUpdater().getStateViewArray().data().asFloat());
        fast.close();
        plain.close();
    }

    private static int[] bits(INDArray array) {
        float[] values = array.dup('c').data().asFloat();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
