package dev.workbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.workbench.backend.CpuBackend;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.spec.LayerSpec;
import dev.workbench.spec.Num;
import dev.workbench.spec.TrainingSpec;
import dev.workbench.spec.TrainingSpec.Optimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldTrainerTest {

    private static final ArrayData TRAIN = TrainFixtures.bars(300, 12, 1L);
    private static final ArrayData VALIDATION = TrainFixtures.bars(100, 12, 2L);

    private final FoldTrainer trainer = new FoldTrainer();

    @BeforeAll
    static void prepare() {
        new CpuBackend().prepare();
    }

    @Test
    void reportsEveryEpochWithFiniteMetricsAndLearnsSeparableData() {
        List<EpochMetrics> heard = new ArrayList<>();
        FoldResult result = trainer.train(request(TrainFixtures.adam(0.01, 32, 2), 42L), heard::add);

        assertThat(result.epochs()).hasSize(2).isEqualTo(heard);
        assertThat(result.stoppedEarly()).isFalse();
        assertThat(result.epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        assertThat(result.epochs()).noneMatch(EpochMetrics::hasNonFinite);
        assertThat(result.epochs()).allSatisfy(m -> {
            assertThat(m.learningRate()).isEqualTo(0.01);
            assertThat(m.seconds()).isPositive();
        });
        assertThat(result.last().trainAccuracy())
                .isGreaterThan(result.epochs().get(0).trainAccuracy());
        assertThat(result.last().valAccuracy()).isGreaterThan(0.5);
        assertThat(result.last().trainLoss()).isLessThan(result.epochs().get(0).trainLoss());
    }

    @Test
    void trainMetricsFromFittedBatchesEqualAnInferencePassWhenTheWeightsCannotChange() {
        var noDropout = TrainFixtures.model(
                12,
                TrainFixtures.conv(4, 3, 1, LayerSpec.Padding.SAME),
                TrainFixtures.pool(2),
                TrainFixtures.dense(16),
                TrainFixtures.output());
        TrainRequest request = new TrainRequest(
                noDropout, TrainFixtures.training(Optimizer.SGD, 0.0, 32, 1), Map.of(), 5L, TRAIN, VALIDATION);
        try (TrainedModel model = trainer.trainModel(request, EpochListener.NONE)) {
            Evaluation inference = model.evaluate(TRAIN);
            EpochMetrics fitted = model.result().last();
            assertThat(fitted.trainLoss()).isCloseTo(inference.loss(), within(1e-5));
            assertThat(fitted.trainAccuracy()).isEqualTo(inference.accuracy());
        }
    }

    @Test
    void sameSeedGivesBitIdenticalCurves() {
        TrainingSpec training = TrainFixtures.adam(0.01, 32, 2);
        assertThat(curves(trainer.train(request(training, 7L), EpochListener.NONE)))
                .isEqualTo(curves(trainer.train(request(training, 7L), EpochListener.NONE)))
                .isNotEqualTo(curves(trainer.train(request(training, 8L), EpochListener.NONE)));
    }

    @Test
    void concurrentUnitsMatchSequentialOnes() throws Exception {
        TrainingSpec training = TrainFixtures.adam(0.01, 32, 2);
        List<List<Double>> sequential = List.of(
                curves(trainer.train(request(training, 11L), EpochListener.NONE)),
                curves(trainer.train(request(training, 12L), EpochListener.NONE)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<FoldResult> first =
                    pool.submit(() -> new FoldTrainer().train(request(training, 11L), EpochListener.NONE));
            Future<FoldResult> second =
                    pool.submit(() -> new FoldTrainer().train(request(training, 12L), EpochListener.NONE));
            assertThat(List.of(curves(first.get()), curves(second.get()))).isEqualTo(sequential);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        // plain SGD with rate 0 leaves the weights exactly as initialised (DL4J's Adam still moves them a little)
        TrainingSpec frozen = new TrainingSpec(
                Optimizer.SGD,
                Num.of(0.0),
                null,
                null,
                Num.of(64),
                Num.of(10),
                new TrainingSpec.EarlyStopping("val_loss", 2, 0.0));
        FoldResult result = trainer.train(request(frozen, 3L), EpochListener.NONE);

        assertThat(result.epochs()).hasSize(3);
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.epochs())
                .extracting(EpochMetrics::valLoss)
                .containsOnly(result.last().valLoss());
    }

    @Test
    void earlyStoppingOnAccuracyKeepsGoingWhileItImproves() {
        TrainingSpec learning = new TrainingSpec(
                Optimizer.ADAM,
                Num.of(0.01),
                null,
                null,
                Num.of(32),
                Num.of(3),
                new TrainingSpec.EarlyStopping("val_accuracy", 5, 0.0));
        FoldResult result = trainer.train(request(learning, 3L), EpochListener.NONE);
        assertThat(result.epochs()).hasSize(3);
        assertThat(result.stoppedEarly()).isFalse();
    }

    @Test
    void withoutValidationTheValidationMetricsAreNaNAndNeverStopTraining() {
        TrainingSpec frozen = new TrainingSpec(
                Optimizer.SGD,
                Num.of(0.0),
                null,
                null,
                Num.of(64),
                Num.of(3),
                new TrainingSpec.EarlyStopping("val_loss", 1, 0.0));
        FoldResult result = trainer.train(
                TrainRequest.withoutValidation(TrainFixtures.smallCnn(12), frozen, Map.of(), 5L, TRAIN),
                EpochListener.NONE);
        assertThat(result.epochs()).hasSize(3).allSatisfy(m -> {
            assertThat(m.valLoss()).isNaN();
            assertThat(m.valAccuracy()).isNaN();
            assertThat(m.trainLoss()).isFinite();
        });
        assertThat(result.stoppedEarly()).isFalse();
    }

    @Test
    void reportsTheDecayedLearningRateOfEachEpoch() {
        TrainingSpec decaying = new TrainingSpec(
                Optimizer.SGD,
                Num.of(0.1),
                null,
                new TrainingSpec.LrDecay(Num.of(0.001), Num.of(2)),
                Num.of(100),
                Num.of(4),
                null);
        FoldResult result = trainer.train(request(decaying, 9L), EpochListener.NONE);
        assertThat(result.epochs())
                .extracting(EpochMetrics::learningRate)
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b))
                .containsExactly(0.1, 0.01, 0.001, 0.001);
    }

    @Test
    void divergingLossFailsTheUnitNamingTheEpoch() {
        // at 1e6 the network merely dies (loss stays at the clipped 20.7); 1e10 overflows to NaN at once
        TrainingSpec absurd = TrainFixtures.training(Optimizer.SGD, 1e10, 32, 3);
        assertThatThrownBy(() -> trainer.train(request(absurd, 1L), EpochListener.NONE))
                .isInstanceOf(TrainingException.class)
                .hasMessage("loss became NaN in epoch 1");
    }

    @Test
    void keptModelScoresLikeItsLastEpochAndSavesAReloadableZip(@TempDir Path dir) throws Exception {
        try (TrainedModel model =
                trainer.trainModel(request(TrainFixtures.adam(0.01, 32, 1), 4L), EpochListener.NONE)) {
            Evaluation validation = model.evaluate(VALIDATION);
            assertThat(validation.count()).isEqualTo(100);
            assertThat(validation.loss()).isEqualTo(model.result().last().valLoss());
            assertThat(validation.accuracy()).isEqualTo(model.result().last().valAccuracy());

            Path zip = dir.resolve("model.zip");
            model.save(zip);
            assertThat(Files.size(zip)).isPositive();
            MultiLayerNetwork reloaded = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
            assertThat(reloaded.numParams()).isEqualTo(model.numParams());
            reloaded.close();
        }
    }

    /**
     * The batch changes the last bits of validation outputs, so the epochs must be scored with the request's
     * batch, as the kept model is; the training itself does not depend on it.
     */
    @Test
    void validationIsScoredInTheRequestsInferenceBatchAsTheKeptModelScores() {
        TrainingSpec training = TrainFixtures.adam(0.01, 32, 2);
        List<Evaluation> lastEpochs = new ArrayList<>();
        List<List<Double>> trainLosses = new ArrayList<>();
        for (int batch : new int[] {1024, 7}) {
            TrainRequest request = new TrainRequest(
                    TrainFixtures.smallCnn(12), training, Map.of(), 4L, TRAIN, VALIDATION, batch, TrainRequest.KERNELS);
            try (TrainedModel model = trainer.trainModel(request, EpochListener.NONE)) {
                assertThat(model.inferenceBatch()).isEqualTo(batch);
                Evaluation again = model.evaluate(VALIDATION);
                EpochMetrics last = model.result().last();
                assertThat(Double.doubleToLongBits(last.valLoss())).isEqualTo(Double.doubleToLongBits(again.loss()));
                assertThat(last.valAccuracy()).isEqualTo(again.accuracy());
                lastEpochs.add(again);
                trainLosses.add(model.result().epochs().stream()
                        .map(EpochMetrics::trainLoss)
                        .toList());
            }
        }
        assertThat(trainLosses.get(1)).isEqualTo(trainLosses.get(0));
        // the two batches do give different last bits here, so the checks above can tell them apart
        assertThat(lastEpochs.get(1).loss()).isNotEqualTo(lastEpochs.get(0).loss());
    }

    @Test
    void anOutputLayerRightAfterPoolingTrainsAndItsFittedMetricsMatchInference() {
        var poolThenOutput = TrainFixtures.model(
                12,
                TrainFixtures.conv(4, 3, 1, LayerSpec.Padding.VALID),
                TrainFixtures.pool(2),
                TrainFixtures.output());
        FoldResult learning = trainer.train(
                new TrainRequest(poolThenOutput, TrainFixtures.adam(0.01, 32, 1), Map.of(), 5L, TRAIN, VALIDATION),
                EpochListener.NONE);
        assertThat(learning.epochs()).hasSize(1).noneMatch(EpochMetrics::hasNonFinite);

        TrainRequest frozen = new TrainRequest(
                poolThenOutput, TrainFixtures.training(Optimizer.SGD, 0.0, 32, 1), Map.of(), 5L, TRAIN, VALIDATION);
        try (TrainedModel model = trainer.trainModel(frozen, EpochListener.NONE)) {
            Evaluation inference = model.evaluate(TRAIN);
            assertThat(model.result().last().trainLoss()).isCloseTo(inference.loss(), within(1e-5));
            assertThat(model.result().last().trainAccuracy()).isEqualTo(inference.accuracy());
        }
    }

    @Test
    void rejectsDataThatDoesNotFitTheModel() {
        ArrayData wrongSize = TrainFixtures.bars(20, 14, 1L);
        TrainRequest request = TrainRequest.withoutValidation(
                TrainFixtures.smallCnn(12), TrainFixtures.adam(0.01, 8, 1), Map.of(), 1L, wrongSize);
        assertThatThrownBy(() -> trainer.train(request, EpochListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model input 12x12x1");
    }

    private static TrainRequest request(TrainingSpec training, long seed) {
        return new TrainRequest(TrainFixtures.smallCnn(12), training, Map.of(), seed, TRAIN, VALIDATION);
    }

    /** Every metric except the wall time, in epoch order. */
    private static List<Double> curves(FoldResult result) {
        List<Double> values = new ArrayList<>();
        for (EpochMetrics m : result.epochs()) {
            values.addAll(List.of(m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy(), m.learningRate()));
        }
        return values;
    }
}
