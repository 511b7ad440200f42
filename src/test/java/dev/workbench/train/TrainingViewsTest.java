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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Steps, weight spreads and the validation diagnosis, and that recording them changes no trained number. */
class TrainingViewsTest {

    private static final ArrayData TRAIN = TrainFixtures.bars(300, 12, 1L);
    private static final ArrayData VALIDATION = TrainFixtures.bars(100, 12, 2L);

    @BeforeAll
    static void prepare() {
        new CpuBackend().prepare();
    }

    /** Everything a listener hears. */
    private static final class Heard implements EpochListener {
        final List<EpochMetrics> epochs = new ArrayList<>();
        final List<StepMetrics> steps = new ArrayList<>();
        final List<List<LayerSpread>> weights = new ArrayList<>();
        final List<Diagnosis> diagnoses = new ArrayList<>();

        @Override
        public void onEpoch(EpochMetrics m) {
            epochs.add(m);
        }

        @Override
        public void onStep(StepMetrics s) {
            steps.add(s);
        }

        @Override
        public void onWeights(List<LayerSpread> w) {
            weights.add(w);
        }

        @Override
        public void onDiagnosis(Diagnosis d) {
            diagnoses.add(d);
        }
    }

    private static TrainRequest request(TrainingSpec training) {
        return new TrainRequest(TrainFixtures.smallCnn(12), training, Map.of(), 42L, TRAIN, VALIDATION);
    }

    private static float[][] trainAndPredict(TrainingSpec training, EpochListener listener, List<EpochMetrics> epochs) {
        try (TrainedModel model = new FoldTrainer().trainModel(request(training), listener)) {
            epochs.addAll(model.result().epochs());
            return model.probabilities(VALIDATION, VALIDATION.count());
        }
    }

    @Test
    void step_logging_and_weight_readings_leave_every_trained_number_bit_identical() {
        TrainingSpec base = TrainFixtures.adam(0.01, 32, 3); // small CNN with dropout: draws from ND4J's RNG
        List<EpochMetrics> without = new ArrayList<>();
        List<EpochMetrics> with = new ArrayList<>();
        float[][] quiet = trainAndPredict(base.withLogEvery(0), EpochListener.NONE, without);
        Heard heard = new Heard();
        float[][] logged = trainAndPredict(base.withLogEvery(1), heard, with);

        assertThat(heard.steps).hasSize(3 * 10);
        assertThat(with).hasSize(3);
        assertBitIdentical(with, without);
        assertBitIdentical(with, bareLoop(request(base), 3));
        assertThat(logged).isDeepEqualTo(quiet);
    }

    /**
     * The same unit trained by a loop that records nothing: no steps, no weight readings, no diagnosis, only
     * the fitted batches' sums and an inference pass over the validation rows after each epoch.
     */
    private static List<EpochMetrics> bareLoop(TrainRequest request, int epochs) {
        var net = new NetworkFactory().network(request.model(), request.training(), request.params(), request.seed());
        FoldTrainer.useKernels(net, request.kernels());
        FittedBatchMetrics fitted = new FittedBatchMetrics();
        net.setListeners(fitted);
        List<EpochMetrics> out = new ArrayList<>();
        try (LabelledArrays train = LabelledArrays.of(TRAIN);
                LabelledArrays shuffled = train.emptyLike();
                LabelledArrays validation = LabelledArrays.of(VALIDATION)) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                double lr = net.getLearningRate(net.getnLayers() - 1);
                fitted.reset();
                FoldTrainer.fitEpoch(net, train, shuffled, 32, request.seed(), epoch, fitted, StepLog.off());
                Evaluation onTrain = fitted.epoch();
                Evaluation onValidation = InferenceEvaluator.evaluate(net, validation, request.inferenceBatch());
                out.add(new EpochMetrics(
                        epoch,
                        onTrain.loss(),
                        onTrain.accuracy(),
                        onValidation.loss(),
                        onValidation.accuracy(),
                        lr,
                        1));
            }
        } finally {
            net.close();
        }
        return out;
    }

    private static void assertBitIdentical(List<EpochMetrics> with, List<EpochMetrics> without) {
        assertThat(with).hasSameSizeAs(without);
        for (int e = 0; e < with.size(); e++) {
            EpochMetrics a = without.get(e);
            EpochMetrics b = with.get(e);
            assertThat(bits(b.trainLoss())).isEqualTo(bits(a.trainLoss()));
            assertThat(bits(b.trainAccuracy())).isEqualTo(bits(a.trainAccuracy()));
            assertThat(bits(b.valLoss())).isEqualTo(bits(a.valLoss()));
            assertThat(bits(b.valAccuracy())).isEqualTo(bits(a.valAccuracy()));
            assertThat(bits(b.learningRate())).isEqualTo(bits(a.learningRate()));
        }
    }

    @Test
    void steps_come_every_log_every_batches_and_at_each_epoch_end_with_its_validation() {
        Heard heard = new Heard();
        new FoldTrainer().train(request(TrainFixtures.adam(0.01, 32, 2).withLogEvery(3)), heard);
        // 300 rows in batches of 32: 10 batches per epoch; steps after batches 3, 6, 9 and 10
        assertThat(heard.steps).extracting(StepMetrics::batch).containsExactly(3, 6, 9, 10, 3, 6, 9, 10);
        assertThat(heard.steps).extracting(StepMetrics::iteration).containsExactly(3L, 6L, 9L, 10L, 13L, 16L, 19L, 20L);
        assertThat(heard.steps.get(3).imagesSeen()).isEqualTo(300);
        assertThat(heard.steps.get(7).imagesSeen()).isEqualTo(600);
        for (int e = 0; e < 2; e++) {
            StepMetrics end = heard.steps.get(4 * e + 3);
            assertThat(end.valLoss()).isEqualTo(heard.epochs.get(e).valLoss());
            assertThat(end.valAccuracy()).isEqualTo(heard.epochs.get(e).valAccuracy());
            assertThat(heard.steps.get(4 * e).valLoss()).isNaN();
        }
        // the steps' windows partition the epoch: their row-weighted mean is the epoch's training loss
        double weighted = (heard.steps.get(0).trainLoss() * 96
                        + heard.steps.get(1).trainLoss() * 96
                        + heard.steps.get(2).trainLoss() * 96
                        + heard.steps.get(3).trainLoss() * 12)
                / 300;
        assertThat(weighted).isCloseTo(heard.epochs.get(0).trainLoss(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void within_epoch_validation_on_a_seeded_sample_is_logged_and_changes_no_trained_number() {
        TrainingSpec base = TrainFixtures.adam(0.01, 32, 2).withLogEvery(0);
        List<EpochMetrics> without = new ArrayList<>();
        float[][] quiet = trainAndPredict(base, EpochListener.NONE, without);
        Heard heard = new Heard();
        List<EpochMetrics> with = new ArrayList<>();
        float[][] sampled = trainAndPredict(base.withValidateEvery(3, 40), heard, with);

        assertBitIdentical(with, without);
        assertThat(sampled).isDeepEqualTo(quiet);
        // log_every 0: only the validation steps (batches 3, 6, 9) and each epoch's last step
        assertThat(heard.steps).extracting(StepMetrics::batch).containsExactly(3, 6, 9, 10, 3, 6, 9, 10);
        assertThat(heard.steps).allMatch(s -> Double.isFinite(s.valAccuracy()));
        for (StepMetrics s : heard.steps) {
            double rows = s.batch() == 10 ? VALIDATION.count() : 40;
            assertThat(Math.abs(s.valAccuracy() * rows - Math.rint(s.valAccuracy() * rows)))
                    .isLessThan(1e-9);
        }
        Heard again = new Heard();
        new FoldTrainer().train(request(base.withValidateEvery(3, 40)), again);
        assertThat(again.steps).isEqualTo(heard.steps); // the same seeded sample every run
    }

    @Test
    void default_log_every_aims_at_twenty_steps_per_epoch() {
        assertThat(StepLog.every(null, 16)).isEqualTo(1);
        assertThat(StepLog.every(null, 469)).isEqualTo(23); // full MNIST, batch 128: 20 or 21 steps
        assertThat(StepLog.every(5, 469)).isEqualTo(5);
    }

    @Test
    void weights_are_read_before_training_and_after_each_epoch_for_every_layer_with_parameters() {
        Heard heard = new Heard();
        new FoldTrainer().train(request(TrainFixtures.adam(0.01, 32, 2)), heard);
        assertThat(heard.weights).hasSize(3);
        List<LayerSpread> initial = heard.weights.get(0);
        // conv, dense and output have W and b; pooling and dropout have none
        assertThat(initial)
                .extracting(s -> s.layerType() + ":" + s.param())
                .containsExactly("conv:W", "conv:b", "dense:W", "dense:b", "output:W", "output:b");
        assertThat(initial).allMatch(s -> s.epoch() == 0 && s.updateNorm() == 0.0);
        assertThat(heard.weights.get(2)).allMatch(s -> s.epoch() == 2 && s.updateNorm() > 0 && !s.alarming());
        assertThat(initial.get(0).count()).isEqualTo(4 * 3 * 3);
        assertThat(initial.get(0).bands().bounds()).isSorted();
    }

    @Test
    void validation_diagnosis_of_the_last_epoch_matches_its_accuracy_exactly() {
        Heard heard = new Heard();
        FoldResult result = new FoldTrainer().train(request(TrainFixtures.adam(0.01, 32, 2)), heard);
        assertThat(heard.diagnoses).hasSize(1).containsExactly(result.validation());
        Diagnosis d = result.validation();
        assertThat(d.confusion().total()).isEqualTo(VALIDATION.count());
        assertThat(d.confusion().accuracy()).isEqualTo(result.last().valAccuracy());
        assertThat(d.mistakes())
                .hasSize((int) (d.confusion().total() - d.confusion().correct()));
        assertThat(d.mistakes()).allMatch(m -> m.label() == VALIDATION.label(m.row()) && m.predicted() != m.label());
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }
}
