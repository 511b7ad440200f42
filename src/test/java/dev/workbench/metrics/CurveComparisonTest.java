package dev.workbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurveComparisonTest {

    private static EpochMetrics epoch(int n, double valLoss, double seconds) {
        return new EpochMetrics(n, 0.5, 0.8, valLoss, 0.7, 1e-3, seconds);
    }

    @Test
    void identicalCurvesIgnoringWallTimeAndTreatingNaNAsEqual() {
        List<EpochMetrics> stored = List.of(epoch(1, 0.9, 1.0), epoch(2, Double.NaN, 1.0));
        List<EpochMetrics> rerun = List.of(epoch(1, 0.9, 7.0), epoch(2, Double.NaN, 3.0));
        assertThat(CurveComparison.firstDifference(0, stored, rerun)).isEmpty();
    }

    @Test
    void theFirstDifferingEpochAndMetricIsReportedEvenForOneUlp() {
        List<EpochMetrics> stored = List.of(epoch(1, 0.9, 1.0), epoch(2, 0.8, 1.0), epoch(3, 0.1, 1.0));
        List<EpochMetrics> rerun = List.of(epoch(1, 0.9, 1.0), epoch(2, Math.nextUp(0.8), 1.0), epoch(3, 0.5, 1.0));
        EpochDifference d = CurveComparison.firstDifference(2, stored, rerun).orElseThrow();
        assertThat(d).isEqualTo(new EpochDifference(2, 2, "val_loss", 0.8, Math.nextUp(0.8)));
        assertThat(d.absoluteDifference()).isEqualTo(Math.ulp(0.8));
        assertThat(d.describe()).startsWith("fold 2 epoch 2 val_loss: stored 0.8, re-run 0.8000000000000002");
    }

    @Test
    void aShorterReRunIsReportedAsAnEpochCountDifference() {
        List<EpochMetrics> stored = List.of(epoch(1, 0.9, 1.0), epoch(2, 0.8, 1.0));
        EpochDifference d = CurveComparison.firstDifference(0, stored, List.of(epoch(1, 0.9, 1.0)))
                .orElseThrow();
        assertThat(d.metric()).isEqualTo("epochs");
        assertThat(d.epoch()).isEqualTo(2);
        assertThat(d.describe()).isEqualTo("fold 0: stored run has 2 epochs, re-run 1");
    }
}
