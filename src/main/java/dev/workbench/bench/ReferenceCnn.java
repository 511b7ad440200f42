package dev.workbench.bench;

import dev.workbench.spec.LayerSpec;
import dev.workbench.spec.LayerSpec.Activation;
import dev.workbench.spec.LayerSpec.Padding;
import dev.workbench.spec.ModelSpec;
import dev.workbench.spec.Num;
import dev.workbench.spec.TrainingSpec;
import java.util.List;

/**
 * The benchmark's model: conv 16 5×5 same, maxpool 2, conv 32 5×5 same, maxpool 2, dense 128,
 * dropout 0.4, softmax 10, on 28×28×1 images; Adam 1e-3, batch 128.
 */
final class ReferenceCnn {

    static final int CLASSES = 10;
    static final int BATCH = 128;

    private ReferenceCnn() {}

    static ModelSpec model() {
        return new ModelSpec(
                new ModelSpec.InputShape(28, 28, 1),
                List.of(
                        conv(16),
                        new LayerSpec.MaxPool(Num.of(2), null),
                        conv(32),
                        new LayerSpec.MaxPool(Num.of(2), null),
                        new LayerSpec.Dense(Num.of(128), Activation.RELU),
                        new LayerSpec.Dropout(Num.of(0.4)),
                        new LayerSpec.Output(Num.of(CLASSES))));
    }

    static TrainingSpec training() {
        return new TrainingSpec(TrainingSpec.Optimizer.ADAM, Num.of(1e-3), null, null, Num.of(BATCH), Num.of(1), null);
    }

    private static LayerSpec conv(int filters) {
        return new LayerSpec.Conv(Num.of(filters), Num.of(5), Num.of(1), Padding.SAME, Activation.RELU);
    }
}
