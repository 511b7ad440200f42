package dev.workbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.workbench.backend.CpuBackend;
import java.util.Map;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** With the CPU backend prepared, the networks this package builds use DL4J's oneDNN layer helpers. */
class OneDnnHelpersTest {

    @Test
    void convolutionAndPoolingUseTheOneDnnHelpers() {
        CpuBackend backend = new CpuBackend();
        backend.prepare();
        assumeTrue(backend.hasAvx2(), "CPU lacks AVX2");
        MultiLayerNetwork net = new NetworkFactory()
                .network(TrainFixtures.referenceCnn(), TrainFixtures.adam(1e-3, 128, 1), Map.of(), 1L);
        try {
            assertThat(((ConvolutionLayer) net.getLayer(0)).getHelper()).isInstanceOf(MKLDNNConvHelper.class);
            assertThat(((SubsamplingLayer) net.getLayer(1)).getHelper()).isInstanceOf(MKLDNNSubsamplingHelper.class);
        } finally {
            net.close();
        }
    }
}
