package dev.workbench.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.backend.CpuBackend;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class NetworkReleaseTest {

    @BeforeAll
    static void prepare() {
        new CpuBackend().prepare();
    }

    @AfterEach
    void defaultBudget() {
        System.clearProperty(NetworkRelease.BUDGET_PROPERTY);
    }

    @Test
    void releaseClosesParametersGradientsAndUpdaterState() {
        MultiLayerNetwork net = new NetworkFactory()
                .network(TrainFixtures.smallCnn(12), TrainFixtures.adam(1e-3, 8, 1), java.util.Map.of(), 3L);
        net.fit(
                Nd4j.rand(DataType.FLOAT, 8, 144),
                Nd4j.eye(10).getRows(0, 1, 2, 3, 4, 5, 6, 7).castTo(DataType.FLOAT));
        var params = net.params();
        var gradients = net.getFlattenedGradients();
        var state = net.getUpdater(false).getStateViewArray();
        System.setProperty(NetworkRelease.BUDGET_PROPERTY, String.valueOf(Long.MAX_VALUE));
        NetworkRelease.release(net);
        assertThat(params.wasClosed()).isTrue();
        assertThat(gradients.wasClosed()).isTrue();
        assertThat(state.wasClosed()).isTrue();
    }

    @Test
    void collectsOnlyAboveTheResidentBudget() {
        System.setProperty(NetworkRelease.BUDGET_PROPERTY, String.valueOf(Long.MAX_VALUE));
        assertThat(NetworkRelease.collectIfOverBudget()).isFalse();
        System.setProperty(NetworkRelease.BUDGET_PROPERTY, "1");
        assertThat(NetworkRelease.collectIfOverBudget()).isTrue();
        System.clearProperty(NetworkRelease.BUDGET_PROPERTY);
        assertThat(NetworkRelease.budgetBytes()).isEqualTo(NetworkRelease.DEFAULT_BUDGET);
    }
}
