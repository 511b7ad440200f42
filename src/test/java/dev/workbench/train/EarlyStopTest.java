package dev.workbench.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.spec.TrainingSpec;
import org.junit.jupiter.api.Test;

class EarlyStopTest {

    @Test
    void lossMustFallByMoreThanMinDelta() {
        EarlyStop stop = EarlyStop.of(new TrainingSpec.EarlyStopping("val_loss", 2, 0.1));
        assertThat(stop.shouldStop(loss(1, 1.0))).isFalse();
        assertThat(stop.shouldStop(loss(2, 0.95))).isFalse(); // not enough: stalled 1
        assertThat(stop.shouldStop(loss(3, 0.85))).isFalse(); // improved on 1.0 by 0.15: reset
        assertThat(stop.shouldStop(loss(4, 0.80))).isFalse(); // stalled 1
        assertThat(stop.shouldStop(loss(5, 0.90))).isTrue(); // stalled 2 = patience
    }

    @Test
    void accuracyMustRise() {
        EarlyStop stop = EarlyStop.of(new TrainingSpec.EarlyStopping("val_accuracy", 1, null));
        assertThat(stop.shouldStop(accuracy(1, 0.5))).isFalse();
        assertThat(stop.shouldStop(accuracy(2, 0.6))).isFalse();
        assertThat(stop.shouldStop(accuracy(3, 0.6))).isTrue();
    }

    @Test
    void noRuleAndNaNMetricsNeverStop() {
        EarlyStop none = EarlyStop.of(null);
        EarlyStop onNaN = EarlyStop.of(new TrainingSpec.EarlyStopping("val_loss", 0, 0.0));
        for (int epoch = 1; epoch <= 50; epoch++) {
            assertThat(none.shouldStop(loss(epoch, 1.0))).isFalse();
            assertThat(onNaN.shouldStop(loss(epoch, Double.NaN))).isFalse();
        }
    }

    private static EpochMetrics loss(int epoch, double valLoss) {
        return new EpochMetrics(epoch, 1, 0.5, valLoss, 0.5, 0.01, 1);
    }

    private static EpochMetrics accuracy(int epoch, double valAccuracy) {
        return new EpochMetrics(epoch, 1, 0.5, 1, valAccuracy, 0.01, 1);
    }
}
