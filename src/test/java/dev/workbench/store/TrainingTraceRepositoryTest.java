package dev.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.metrics.ConfusionMatrix;
import dev.workbench.metrics.Diagnosis;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.Mistake;
import dev.workbench.metrics.SevenBands;
import dev.workbench.metrics.StepMetrics;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainingTraceRepositoryTest {

    private static final WorkerIdentity WORKER = new WorkerIdentity("hostA:1", "t1", "CPU", "avx2");
    private static final WorkerIdentity OTHER = new WorkerIdentity("hostB:2", "t1", "CPU", "avx2");

    private Store store;
    private long experimentId;

    @BeforeEach
    void open() {
        store = Samples.memoryStore();
        experimentId = Samples.submit(
                store, Samples.experiment("trace", "maximize"), List.of(new NewTrial(0, Samples.params(0.1, 8), 3)), 0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void steps_spreads_and_confusion_are_fenced_round_trip_keeping_nan_and_go_with_a_reclaimed_attempt()
            throws Exception {
        long queued = WorkQueueTest.submit(store, 1, 1, false);
        Claim first = store.queue().claim(List.of(queued), WORKER, 1).orElseThrow();
        long run = first.foldRunId();
        long trial = first.trialId();
        StepMetrics nanStep = new StepMetrics(1, 2, 2, 64, 2.0, 0.25, Double.NaN, Double.NaN);
        store.queue()
                .addEpoch(first, List.of(nanStep, new StepMetrics(1, 3, 3, 80, 1.5, 0.5, 1.4, 0.55)), Samples.epoch(1));
        LayerSpread spread =
                new LayerSpread(0, 2, "dense", "W", 3, SevenBands.of(new float[] {-1f, 0f, Float.NaN}), 0.0);
        store.queue().addSpread(first, List.of(), List.of(spread));
        ConfusionMatrix m = ConfusionMatrix.of(2, new long[] {3, 1, 0, 4});
        store.queue().saveConfusion(first, m);

        assertThat(store.traces().steps(List.of(run)).get(run))
                .extracting(StepMetrics::iteration)
                .containsExactly(2L, 3L);
        assertThat(store.traces().steps(List.of(run)).get(run).get(0).valLoss()).isNaN();
        assertThat(store.traces().spreads(List.of(run)).get(run)).containsExactly(spread);
        assertThat(store.traces().confusions(List.of(run)).get(run)).isEqualTo(m);
        assertThat(store.traces().alarmingTrials(queued)).containsExactly(trial);

        Thread.sleep(1_500); // the first claim's one-second lease expires; another worker takes the unit over
        Claim second = store.queue().claim(List.of(queued), OTHER, 60).orElseThrow();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(store.traces().steps(List.of(run))).isEmpty();
        assertThat(store.traces().spreads(List.of(run))).isEmpty();
        assertThat(store.traces().confusions(List.of(run))).isEmpty();
        assertThat(store.traces().alarmingTrials(queued)).isEmpty();
        assertThatThrownBy(() -> store.queue().addSpread(first, List.of(nanStep), List.of(spread)))
                .isInstanceOf(LostClaimException.class);
        assertThatThrownBy(() -> store.queue().saveConfusion(first, m)).isInstanceOf(LostClaimException.class);
        assertThat(store.traces().steps(List.of(second.foldRunId()))).isEmpty();
        assertThat(store.traces().spreads(List.of(second.foldRunId()))).isEmpty();
    }

    @Test
    void a_refit_diagnosis_is_replaced_while_export_diagnoses_accumulate_and_images_come_back() {
        ImageShape shape = new ImageShape(2, 2, 1);
        Diagnosis first = new Diagnosis(
                ConfusionMatrix.of(2, new long[] {5, 1, 2, 2}),
                List.of(new Mistake(7, 1, 0, 0.6), new Mistake(3, 0, 1, 0.9)));
        store.diagnoses()
                .save(experimentId, null, 0, null, first, shape, row -> new byte[] {(byte) row, 0, 0, (byte) 255});
        Diagnosis second =
                new Diagnosis(ConfusionMatrix.of(2, new long[] {6, 0, 1, 3}), List.of(new Mistake(7, 1, 0, 0.7)));
        long id = store.diagnoses().save(experimentId, null, 0, null, second, shape, row -> new byte[4]);
        long exportId = store.exports().record(experimentId, 0, null, "/tmp/x", "ab".repeat(32), 0.9);
        store.diagnoses().save(experimentId, exportId, 0, null, first, shape, row -> new byte[] {(byte) row, 1, 2, 3});

        TestDiagnosisRow refit = store.diagnoses().ofRefit(experimentId).orElseThrow();
        assertThat(refit.id()).isEqualTo(id);
        assertThat(refit.confusion()).isEqualTo(second.confusion());
        TestDiagnosisRow export = store.diagnoses().ofExport(exportId).orElseThrow();
        assertThat(export.mistakes()).extracting(Mistake::row).containsExactly(3, 7);
        StoredImage image = store.diagnoses().image(export.id(), 0).orElseThrow();
        assertThat(image.grey(0, 0)).isEqualTo(3);
        assertThat(image.grey(1, 1)).isEqualTo(3);
        assertThat(store.diagnoses().image(export.id(), 2)).isEmpty();
    }
}
