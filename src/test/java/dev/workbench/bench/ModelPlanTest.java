package dev.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelPlanTest {

    @Test
    void countsTheReferenceCnnsForwardFlops() {
        ModelPlan plan = ModelPlan.of(ReferenceCnn.model(), Map.of());
        long conv1 = 2L * 5 * 5 * 1 * 16 * 28 * 28;
        long conv2 = 2L * 5 * 5 * 16 * 32 * 14 * 14;
        long dense = 2L * 7 * 7 * 32 * 128;
        long output = 2L * 128 * 10;
        assertThat(plan.forwardFlops()).isEqualTo(conv1 + conv2 + dense + output);
        assertThat(plan.trainingFlops()).isEqualTo(3 * plan.forwardFlops());
    }

    @Test
    void resolvesLayersForThePyTorchPlan() {
        ModelPlan plan = ModelPlan.of(ReferenceCnn.model(), Map.of());
        assertThat(plan.layers())
                .extracting(l -> l.get("type"))
                .containsExactly("conv", "maxpool", "conv", "maxpool", "dense", "dropout", "output");
        assertThat(plan.layers().get(0))
                .containsEntry("filters", 16)
                .containsEntry("kernel", 5)
                .containsEntry("padding", "same")
                .containsEntry("activation", "relu");
        assertThat(plan.layers().get(5)).containsEntry("rate", 0.4);
    }
}
