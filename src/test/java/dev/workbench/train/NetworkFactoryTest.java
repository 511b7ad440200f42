package dev.workbench.train;

import static dev.workbench.train.TrainFixtures.conv;
import static dev.workbench.train.TrainFixtures.dense;
import static dev.workbench.train.TrainFixtures.dropout;
import static dev.workbench.train.TrainFixtures.model;
import static dev.workbench.train.TrainFixtures.output;
import static dev.workbench.train.TrainFixtures.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.workbench.backend.CpuBackend;
import dev.workbench.spec.LayerSpec;
import dev.workbench.spec.LayerSpec.Padding;
import dev.workbench.spec.ModelSpec;
import dev.workbench.spec.Num;
import dev.workbench.spec.TrainingSpec;
import dev.workbench.spec.TrainingSpec.Optimizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

class NetworkFactoryTest {

    private final NetworkFactory factory = new NetworkFactory();

    @BeforeAll
    static void prepare() {
        new CpuBackend().prepare();
    }

    @Test
    void sameConvolutionKeepsTheImageSize() {
        assertShapes(
                model(12, conv(4, 3, 1, Padding.SAME), pool(2), dense(8), output()),
                List.of(new long[] {2, 4, 12, 12}, new long[] {2, 4, 6, 6}, new long[] {2, 8}, new long[] {2, 10}),
                List.of(4L * 9 + 4, 0L, 144L * 8 + 8, 8L * 10 + 10));
    }

    @Test
    void validConvolutionShrinksByKernelMinusOne() {
        assertShapes(
                model(12, conv(3, 5, 1, Padding.VALID), output()),
                List.of(new long[] {2, 3, 8, 8}, new long[] {2, 10}),
                List.of(3L * 25 + 3, 3L * 64 * 10 + 10));
    }

    @Test
    void stridedConvolutionsRoundUpWhenSameAndDownWhenValid() {
        assertShapes(
                model(12, conv(2, 3, 2, Padding.SAME), conv(2, 3, 2, Padding.VALID), output()),
                List.of(new long[] {2, 2, 6, 6}, new long[] {2, 2, 2, 2}, new long[] {2, 10}),
                List.of(2L * 9 + 2, 2L * 2 * 9 + 2, 8L * 10 + 10));
    }

    @Test
    void poolingWithItsOwnStride() {
        LayerSpec pool3by2 = new LayerSpec.MaxPool(Num.of(3), Num.of(2));
        assertShapes(
                model(12, conv(2, 3, 1, Padding.SAME), pool3by2, output()),
                List.of(new long[] {2, 2, 12, 12}, new long[] {2, 2, 5, 5}, new long[] {2, 10}),
                List.of(2L * 9 + 2, 0L, 50L * 10 + 10));
    }

    @Test
    void denseFirstModelsFlattenTheImage() {
        assertShapes(
                model(12, dense(16), dropout(0.5), output()),
                List.of(new long[] {2, 16}, new long[] {2, 16}, new long[] {2, 10}),
                List.of(144L * 16 + 16, 0L, 16L * 10 + 10));
        assertShapes(model(12, output()), List.<long[]>of(new long[] {2, 10}), List.of(144L * 10 + 10));
    }

    @Test
    void referenceCnnHasTheExpectedParameterCount() {
        MultiLayerNetwork net = network(TrainFixtures.referenceCnn(), TrainFixtures.adam(1e-3, 128, 1));
        long expected = (16 * 25 + 16) + (16 * 32 * 25 + 32) + (7 * 7 * 32 * 128 + 128) + (128 * 10 + 10);
        assertThat(net.numParams()).isEqualTo(expected);
        net.close();
    }

    @Test
    void cachedForwardPassesTrainBitForBitAsRecomputedOnes() {
        TrainingSpec adam = TrainFixtures.adam(1e-3, 16, 1);
        ModelSpec model = TrainFixtures.twoConvCnn();
        MultiLayerNetwork cached = network(model, adam);
        MultiLayerNetwork recomputed = network(model, adam);
        recomputed.setCacheMode(CacheMode.NONE);
        assertThat(cached.getLayerWiseConfigurations().getCacheMode()).isEqualTo(CacheMode.DEVICE);
        TrainFixtures.fitSideBySide(cached, recomputed);
        assertThat(cached.params().data().asFloat())
                .containsExactly(recomputed.params().data().asFloat());
        cached.close();
        recomputed.close();
    }

    @Test
    void dropoutRateBecomesTheRetainProbability() {
        MultiLayerConfiguration conf = configuration(
                model(12, dense(8), dropout(0.4), dropout(0.0), output()), TrainFixtures.adam(1e-3, 32, 1));
        DropoutLayer dropping = (DropoutLayer) conf.getConf(1).getLayer();
        assertThat(((Dropout) dropping.getIDropout()).getP()).isCloseTo(0.6, within(1e-12));
        assertThat(((DropoutLayer) conf.getConf(2).getLayer()).getIDropout()).isNull();
        assertThat(((BaseLayer) conf.getConf(0).getLayer()).getIDropout()).isNull();
    }

    @Test
    void parameterReferencesResolvePerCandidate() {
        LayerSpec convRef = new LayerSpec.Conv(Num.parse("${filters}"), Num.parse("${k}"), null, Padding.SAME, null);
        TrainingSpec training =
                new TrainingSpec(Optimizer.SGD, Num.parse("${lr}"), null, null, Num.of(8), Num.of(1), null);
        MultiLayerNetwork net = factory.network(
                model(12, convRef, output()), training, Map.of("filters", 5.0, "k", 3.0, "lr", 0.25), 7L);
        assertThat(net.getLayer(0).numParams()).isEqualTo(5L * 9 + 5);
        assertThat(net.getLearningRate(0)).isEqualTo(0.25);
        net.close();
    }

    @Test
    void optimizersMapToDl4jUpdaters() {
        assertThat(updaterOf(Optimizer.SGD)).isInstanceOf(Sgd.class);
        assertThat(updaterOf(Optimizer.ADAM)).isInstanceOf(Adam.class);
        assertThat(updaterOf(Optimizer.RMSPROP)).isInstanceOf(RmsProp.class);
        Nesterovs nesterovs = (Nesterovs) updaterOf(Optimizer.NESTEROVS);
        assertThat(nesterovs.getMomentum()).isEqualTo(0.9);
        assertThat(nesterovs.getLearningRate(0, 0)).isEqualTo(0.05);
    }

    @Test
    void learningRateDecaysExponentiallyPerEpochAndThenStays() {
        TrainingSpec training = new TrainingSpec(
                Optimizer.ADAM,
                Num.of(0.1),
                null,
                new TrainingSpec.LrDecay(Num.of(0.001), Num.of(2)),
                Num.of(8),
                Num.of(5),
                null);
        IUpdater updater = NetworkFactory.updater(training, Map.of());
        double[] byEpoch = new double[5];
        for (int epoch = 0; epoch < 5; epoch++) {
            byEpoch[epoch] = updater.getLearningRate(epoch * 100, epoch);
        }
        assertThat(byEpoch).containsExactly(new double[] {0.1, 0.01, 0.001, 0.001, 0.001}, within(1e-12));
        assertThat(updater.getLearningRate(10_000, 0)).isEqualTo(0.1);
    }

    private IUpdater updaterOf(Optimizer optimizer) {
        return NetworkFactory.updater(TrainFixtures.training(optimizer, 0.05, 8, 1), Map.of());
    }

    private MultiLayerConfiguration configuration(ModelSpec model, TrainingSpec training) {
        return factory.configuration(model, training, Map.of(), 1L);
    }

    private MultiLayerNetwork network(ModelSpec model, TrainingSpec training) {
        return factory.network(model, training, Map.of(), 1L);
    }

    /** Feeds two images through and checks every layer's activation shape and parameter count. */
    private void assertShapes(ModelSpec model, List<long[]> activationShapes, List<Long> paramCounts) {
        MultiLayerNetwork net = network(model, TrainFixtures.adam(1e-3, 8, 1));
        try {
            INDArray input = Nd4j.rand(DataType.FLOAT, 2, 12 * 12);
            List<INDArray> activations = net.feedForward(input, false);
            for (int i = 0; i < activationShapes.size(); i++) {
                assertThat(activations.get(i + 1).shape())
                        .as(
                                "layer %d: %s",
                                i, Arrays.toString(activations.get(i + 1).shape()))
                        .isEqualTo(activationShapes.get(i));
                assertThat(net.getLayer(i).numParams())
                        .as("params of layer %d", i)
                        .isEqualTo(paramCounts.get(i));
            }
        } finally {
            net.close();
        }
    }
}
