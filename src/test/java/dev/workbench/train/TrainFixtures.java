package dev.workbench.train;

import dev.workbench.spec.LayerSpec;
import dev.workbench.spec.LayerSpec.Activation;
import dev.workbench.spec.LayerSpec.Padding;
import dev.workbench.spec.ModelSpec;
import dev.workbench.spec.Num;
import dev.workbench.spec.TrainingSpec;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Synthetic data and spec builders shared by this package's tests and probes. */
final class TrainFixtures {

    static final int CLASSES = 10;

    private TrainFixtures() {}

    /**
     * {@code n} square images of side {@code size} (at least 10) in ten easily separated classes:
     * class c is a bright horizontal bar at row {@code c · size / 10}, over uniform noise in [0, 0.3).
     */
    static ArrayData bars(int n, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] features = new float[n * size * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES;
            int base = i * size * size;
            for (int p = 0; p < size * size; p++) {
                features[base + p] = (float) (0.3 * random.nextDouble());
            }
            int row = labels[i] * size / CLASSES;
            for (int x = 0; x < size; x++) {
                features[base + row * size + x] = 1f;
            }
        }
        return ArrayData.of(size, size, 1, CLASSES, features, labels);
    }

    static ModelSpec model(int size, LayerSpec... layers) {
        return new ModelSpec(new ModelSpec.InputShape(size, size, 1), List.of(layers));
    }

    static LayerSpec conv(int filters, int kernel, int stride, Padding padding) {
        return new LayerSpec.Conv(Num.of(filters), Num.of(kernel), Num.of(stride), padding, Activation.RELU);
    }

    static LayerSpec pool(int size) {
        return new LayerSpec.MaxPool(Num.of(size), null);
    }

    static LayerSpec dense(int units) {
        return new LayerSpec.Dense(Num.of(units), Activation.RELU);
    }

    static LayerSpec dropout(double rate) {
        return new LayerSpec.Dropout(Num.of(rate));
    }

    static LayerSpec output() {
        return new LayerSpec.Output(Num.of(CLASSES));
    }

    /**
     * Fits both networks (for 12×12 inputs) on the same four batches of 16 rows, with the same dropout
     * masks: the random state is restored before the second network's step.
     */
    static void fitSideBySide(MultiLayerNetwork first, MultiLayerNetwork second) {
        try (LabelledArrays data = LabelledArrays.of(bars(64, 12, 5))) {
            for (int batch = 0; batch < 4; batch++) {
                INDArray features = data.features(batch * 16, batch * 16 + 16);
                INDArray labels = data.oneHot(batch * 16, batch * 16 + 16);
                long root = Nd4j.getRandom().rootState();
                long node = Nd4j.getRandom().nodeState();
                first.fit(features, labels);
                Nd4j.getRandom().setStates(root, node);
                second.fit(features, labels);
            }
        }
    }

    /** Two convolutions with ReLU and a dropout layer for 12×12 inputs, for the bit-for-bit training comparisons. */
    static ModelSpec twoConvCnn() {
        return model(
                12,
                conv(4, 3, 1, Padding.SAME),
                pool(2),
                conv(6, 3, 1, Padding.SAME),
                dense(8),
                dropout(0.25),
                output());
    }

    /** A small CNN for {@code size}×{@code size} inputs: conv 4 3×3 same, maxpool 2, dense 16, dropout 0.25, output. */
    static ModelSpec smallCnn(int size) {
        return model(size, conv(4, 3, 1, Padding.SAME), pool(2), dense(16), dropout(0.25), output());
    }

    /** The reference CNN of the design notes for 28×28 inputs. */
    static ModelSpec referenceCnn() {
        return model(
                28,
                conv(16, 5, 1, Padding.SAME),
                pool(2),
                conv(32, 5, 1, Padding.SAME),
                pool(2),
                dense(128),
                dropout(0.4),
                output());
    }

    static TrainingSpec training(TrainingSpec.Optimizer optimizer, double lr, int batch, int epochs) {
        return new TrainingSpec(optimizer, Num.of(lr), null, null, Num.of(batch), Num.of(epochs), null);
    }

    static TrainingSpec adam(double lr, int batch, int epochs) {
        return training(TrainingSpec.Optimizer.ADAM, lr, batch, epochs);
    }
}
