package dev.workbench.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.backend.CpuBackend;
import dev.workbench.metrics.Diagnosis;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.StepMetrics;
import dev.workbench.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A unit paused at a rung and continued from its checkpoint, on another thread, equals an unpaused run bit for bit. */
class SegmentTrainingTest {

    private static final ArrayData TRAIN = TrainFixtures.bars(300, 12, 1L);
    private static final ArrayData VALIDATION = TrainFixtures.bars(100, 12, 2L);

    @BeforeAll
    static void prepare() {
        new CpuBackend().prepare();
    }

    @Test
    void pausedThenContinuedOnAnotherThreadEqualsAnUnpausedRun() throws Exception {
        // Adam (updater state) + dropout 0.25 (ND4J random state) + a step decay (epoch count in the configuration)
        TrainingSpec training = new TrainingSpec(
                        TrainingSpec.Optimizer.ADAM,
                        dev.workbench.spec.Num.of(0.01),
                        null,
                        new TrainingSpec.LrDecay(dev.workbench.spec.Num.of(0.001), dev.workbench.spec.Num.of(3)),
                        dev.workbench.spec.Num.of(32),
                        dev.workbench.spec.Num.of(4),
                        null)
                .withLogEvery(3);
        TrainRequest request = new TrainRequest(TrainFixtures.smallCnn(12), training, Map.of(), 9L, TRAIN, VALIDATION);
        Heard whole = new Heard();
        new FoldTrainer().train(request, whole);

        Heard paused = new Heard();
        SegmentResult first = new FoldTrainer().trainSegment(request, new Segment(1, null), paused);
        assertThat(first.checkpoint().epoch()).isEqualTo(1);
        Checkpoint stored = new Checkpoint(
                1,
                first.checkpoint().model(),
                first.checkpoint().rngRoot(),
                first.checkpoint().rngNode());
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            new FoldTrainer().train(request, EpochListener.NONE); // the other thread's random state moves on meanwhile
            SegmentResult second = other.submit(
                            () -> new FoldTrainer().trainSegment(request, new Segment(3, stored), paused))
                    .get();
            SegmentResult last = other.submit(() ->
                            new FoldTrainer().trainSegment(request, new Segment(null, second.checkpoint()), paused))
                    .get();
            assertThat(last.checkpoint()).isNull();
            assertThat(second.result().epochs()).extracting(EpochMetrics::epoch).containsExactly(2, 3);
        } finally {
            other.shutdown();
        }
        assertThat(paused.epochs).isEqualTo(whole.epochs).hasSize(4 * 5);
        assertThat(paused.steps).isEqualTo(whole.steps).isNotEmpty();
        assertThat(paused.weights).isEqualTo(whole.weights);
        assertThat(paused.confusions.get(paused.confusions.size() - 1)).isEqualTo(whole.confusions.get(0));
    }

    @Test
    void withoutRestoringTheRandomStateTheCurveDiffers() {
        TrainRequest request = new TrainRequest(
                TrainFixtures.smallCnn(12), TrainFixtures.adam(0.01, 32, 2), Map.of(), 9L, TRAIN, VALIDATION);
        Heard whole = new Heard();
        new FoldTrainer().train(request, whole);
        Checkpoint cp = new FoldTrainer()
                .trainSegment(request, new Segment(1, null), EpochListener.NONE)
                .checkpoint();
        Heard wrongRandom = new Heard();
        new FoldTrainer().trainSegment(request, new Segment(null, new Checkpoint(1, cp.model(), 1L, 2L)), wrongRandom);
        assertThat(wrongRandom.epochs).isNotEqualTo(whole.epochs.subList(5, 10));
    }

    /** Everything a listener hears, without wall times. */
    private static final class Heard implements EpochListener {
        final List<Double> epochs = new ArrayList<>();
        final List<StepMetrics> steps = new ArrayList<>();
        final List<LayerSpread> weights = new ArrayList<>();
        final List<Object> confusions = new ArrayList<>();

        @Override
        public void onEpoch(EpochMetrics m) {
            epochs.addAll(List.of((double) m.epoch(), m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy()));
        }

        @Override
        public void onStep(StepMetrics step) {
            steps.add(step);
        }

        @Override
        public void onWeights(List<LayerSpread> spread) {
            weights.addAll(spread);
        }

        @Override
        public void onDiagnosis(Diagnosis validation) {
            confusions.add(validation.confusion());
        }
    }
}
