package dev.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchModelTest {

    @Test
    void picksTheDefaultGridsSmallestAndLargestModelBesideTheReference() {
        List<BenchModel> models = BenchModel.of(
                new SpecLoader().load(Path.of("experiments/cnn-grid.yaml")).spec());

        assertThat(models)
                .extracting(BenchModel::name)
                .containsExactly(
                        "the reference CNN",
                        "smallest model of cnn-grid (trial 0)",
                        "largest model of cnn-grid (trial 14)");
        assertThat(models.get(1).describe())
                .startsWith("conv 8 k3, maxpool 2, conv 16 k3, maxpool 2, dense 64,")
                .endsWith("batch 64");
        assertThat(models.get(2).describe())
                .startsWith("conv 16 k5, maxpool 2, conv 16 k5, maxpool 2, dense 128,")
                .endsWith("batch 64");
        assertThat(models.get(0).batch()).isEqualTo(128);
        assertThat(models).allSatisfy(m -> assertThat(m.classes()).isEqualTo(10));
    }

    @Test
    void runsPyTorchBothWaysOnSeveralCores() {
        assertThat(TorchConfig.both(2)).extracting(TorchConfig::label).containsExactly("1x2", "2x1");
        assertThat(TorchConfig.both(1)).extracting(TorchConfig::label).containsExactly("1x1");
    }
}
