package dev.workbench.train;

import static dev.workbench.train.TrainFixtures.conv;
import static dev.workbench.train.TrainFixtures.dense;
import static dev.workbench.train.TrainFixtures.model;
import static dev.workbench.train.TrainFixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.backend.CpuBackend;
import dev.workbench.spec.LayerSpec.Padding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelZipTest {

    @BeforeAll
    static void prepare() {
        new CpuBackend().prepare();
    }

    @Test
    void savedModelsCarryDl4jsReluAndReadBackWithTheFastOne() throws IOException {
        MultiLayerNetwork net = new NetworkFactory()
                .network(
                        model(12, conv(3, 3, 1, Padding.SAME), dense(8), output()),
                        TrainFixtures.adam(1e-3, 8, 1),
                        Map.of(),
                        9L);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ModelZip.write(net, zip);

        String json = entry(zip.toByteArray(), "configuration.json");
        assertThat(json).contains(ActivationReLU.class.getName()).doesNotContain("FastRelu");
        assertThat(activations(net)).allMatch(a -> a instanceof FastRelu || !(a instanceof ActivationReLU));

        INDArray input = Nd4j.rand(DataType.FLOAT, 3, 144);
        MultiLayerNetwork plain = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip.toByteArray()));
        assertThat(activations(plain)).noneMatch(a -> a instanceof FastRelu).contains(new ActivationReLU());
        assertThat(plain.output(input).data().asFloat())
                .containsExactly(net.output(input).data().asFloat());

        MultiLayerNetwork read = ModelZip.read(new ByteArrayInputStream(zip.toByteArray()), true);
        assertThat(activations(read).stream().filter(a -> a instanceof FastRelu))
                .hasSize(2);
        assertThat(read.getUpdater().getStateViewArray().data().asFloat())
                .containsExactly(net.getUpdater().getStateViewArray().data().asFloat());
        net.close();
        plain.close();
        read.close();
    }

    private static List<IActivation> activations(MultiLayerNetwork net) {
        return net.getLayerWiseConfigurations().getConfs().stream()
                .map(c -> c.getLayer())
                .filter(l -> l instanceof BaseLayer)
                .map(l -> ((BaseLayer) l).getActivationFn())
                .toList();
    }

    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in the zip");
    }
}
