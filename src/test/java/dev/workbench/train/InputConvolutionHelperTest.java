package dev.workbench.train;

import static dev.workbench.train.TrainFixtures.conv;
import static dev.workbench.train.TrainFixtures.dense;
import static dev.workbench.train.TrainFixtures.output;
import static dev.workbench.train.TrainFixtures.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.workbench.backend.CpuBackend;
import dev.workbench.spec.LayerSpec;
import dev.workbench.spec.LayerSpec.Padding;
import dev.workbench.spec.ModelSpec;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InputConvolutionHelperTest {

    private static final NetworkFactory FACTORY = new NetworkFactory();

    @BeforeAll
    static void prepare() {
        new CpuBackend().prepare();
    }

    /**
     * Same seed, same batch: every gradient but the first convolution's is DL4J's bit for bit (the forward
     * passes are the same), and the first convolution's weight and bias gradients equal oneDNN's up to rounding.
     */
    @ParameterizedTest(name = "{0} channels, kernel {1}, {2}")
    @CsvSource({"1, 3, SAME", "1, 5, SAME", "1, 3, VALID", "3, 3, SAME", "2, 5, VALID"})
    void firstConvolutionGradientsMatchOneDnnsUpToRounding(int channels, int kernel, Padding padding) {
        ModelSpec model = model(channels, conv(5, kernel, 1, padding));
        MultiLayerNetwork plain = FACTORY.network(model, TrainFixtures.adam(1e-3, 16, 1), Map.of(), 3L);
        MultiLayerNetwork ours = FACTORY.network(model, TrainFixtures.adam(1e-3, 16, 1), Map.of(), 3L);
        InputConvolutionHelper.install(ours);
        assertThat(installed(ours)).isTrue();
        assertThat(installed(plain)).isFalse();
        INDArray features = Nd4j.rand(DataType.FLOAT, 16, channels * 12 * 12).subi(0.3);
        float[] expected = gradient(plain, features, oneHot(16));
        float[] actual = gradient(ours, features, oneHot(16));
        int first = 5 * (1 + channels * kernel * kernel); // the first layer's bias and weights lead the flat view
        float largest = 0;
        for (int i = 0; i < first; i++) {
            largest = Math.max(largest, Math.abs(expected[i]));
        }
        assertThat(largest).isGreaterThan(1e-4f);
        for (int i = 0; i < first; i++) {
            assertThat(actual[i]).as("first layer gradient %d", i).isCloseTo(expected[i], offset(largest * 1e-5f));
        }
        for (int i = first; i < expected.length; i++) {
            assertThat(Float.floatToRawIntBits(actual[i]))
                    .as("gradient %d", i)
                    .isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
        plain.close();
        ours.close();
    }

    @Test
    void networksWithItTrainTheSameBitForBitButNotAsWithoutIt() {
        ModelSpec model = TrainFixtures.twoConvCnn();
        var adam = TrainFixtures.adam(1e-3, 16, 1);
        MultiLayerNetwork first = FACTORY.network(model, adam, Map.of(), 5L);
        MultiLayerNetwork second = FACTORY.network(model, adam, Map.of(), 5L);
        MultiLayerNetwork plain = FACTORY.network(model, adam, Map.of(), 5L);
        InputConvolutionHelper.install(first);
        InputConvolutionHelper.install(second);
        TrainFixtures.fitSideBySide(first, second);
        assertThat(first.params().data().asFloat())
                .containsExactly(second.params().data().asFloat());
        TrainFixtures.fitSideBySide(plain, FACTORY.network(model, adam, Map.of(), 5L));
        assertThat(first.params().data().asFloat())
                .isNotEqualTo(plain.params().data().asFloat());
        first.close();
        second.close();
        plain.close();
    }

    /** A strided first convolution takes oneDNN's path; a network that starts with a dense layer is left alone. */
    @Test
    void layersItDoesNotCoverKeepDl4jsGradients() {
        ModelSpec strided = TrainFixtures.model(12, conv(4, 3, 2, Padding.SAME), dense(8), output());
        MultiLayerNetwork plain = FACTORY.network(strided, TrainFixtures.adam(1e-3, 16, 1), Map.of(), 9L);
        MultiLayerNetwork ours = FACTORY.network(strided, TrainFixtures.adam(1e-3, 16, 1), Map.of(), 9L);
        InputConvolutionHelper.install(ours);
        assertThat(installed(ours)).isTrue();
        INDArray features = Nd4j.rand(DataType.FLOAT, 16, 144);
        assertThat(gradient(ours, features, oneHot(16))).containsExactly(gradient(plain, features, oneHot(16)));
        MultiLayerNetwork denseFirst = FACTORY.network(
                TrainFixtures.model(12, dense(8), output()), TrainFixtures.adam(1e-3, 16, 1), Map.of(), 9L);
        InputConvolutionHelper.install(denseFirst);
        assertThat(installed(denseFirst)).isFalse();
        plain.close();
        ours.close();
        denseFirst.close();
    }

    /** conv (the case's), maxpool 2, conv 6 3×3 same, dense 8, output, for 12×12 inputs of {@code channels}. */
    private static ModelSpec model(int channels, LayerSpec first) {
        return new ModelSpec(
                new ModelSpec.InputShape(12, 12, channels),
                List.of(first, pool(2), conv(6, 3, 1, Padding.SAME), dense(8), output()));
    }

    private static boolean installed(MultiLayerNetwork net) {
        return net.getLayer(0) instanceof ConvolutionLayer conv && conv.getHelper() instanceof InputConvolutionHelper;
    }

    private static INDArray oneHot(int rows) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, rows, 10);
        for (int i = 0; i < rows; i++) {
            labels.putScalar(i, i % 10, 1f);
        }
        return labels;
    }

    private static float[] gradient(MultiLayerNetwork net, INDArray features, INDArray labels) {
        net.setInput(features);
        net.setLabels(labels);
        net.computeGradientAndScore();
        return net.gradient().gradient().dup().data().asFloat();
    }
}
