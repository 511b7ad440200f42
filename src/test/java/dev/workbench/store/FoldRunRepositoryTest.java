package dev.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.StoreException;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.ScoreSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fold runs and their epochs as the work queue writes them, read back through {@link FoldRunRepository}. */
class FoldRunRepositoryTest {

    private static final TrialScorer SCORER = Samples.scoring(new ScoreSummary(0.5, 0, 0.5, 0.5, 2));

    private final Store store = Samples.memoryStore();
    private final FoldRunRepository folds = store.foldRuns();
    private final long experimentId = Samples.submit(store, Samples.experiment("e", "maximize"), Samples.trials(2), 2);
    private final List<TrialRow> trials = store.trials().byExperiment(experimentId);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void lifecycleOfAFoldRunWithItsEpochs() {
        long trialId = trials.get(0).id();
        Claim done = Samples.claim(store, experimentId);
        Claim failing = Samples.claim(store, experimentId);
        store.queue().addEpoch(done, Samples.epoch(1));
        store.queue().addEpoch(done, Samples.epoch(2));
        store.queue().finishFold(done, SCORER);
        store.queue().addEpoch(failing, Samples.epoch(1));
        store.queue().fail(failing, "NaN loss", false);

        List<FoldRunRow> rows = folds.byTrial(trialId);

        assertThat(rows).extracting(FoldRunRow::fold).containsExactly(0, 1);
        FoldRunRow first = rows.get(0);
        assertThat(first.id()).isEqualTo(done.foldRunId());
        assertThat(first.trialId()).isEqualTo(trialId);
        assertThat(first.seed()).isEqualTo(10L);
        assertThat(first.status()).isEqualTo(RunStatus.DONE);
        assertThat(first.startedAt()).isNotNull();
        assertThat(first.finishedAt()).isNotNull();
        assertThat(first.epochs()).containsExactly(Samples.epoch(1), Samples.epoch(2));
        assertThat(rows.get(1).id()).isEqualTo(failing.foldRunId());
        assertThat(rows.get(1).status()).isEqualTo(RunStatus.FAILED);
        assertThat(rows.get(1).error()).isEqualTo("NaN loss");
        assertThat(rows.get(1).epochs()).containsExactly(Samples.epoch(1));
        assertThat(folds.byTrial(trials.get(1).id())).isEmpty();
    }

    @Test
    void aNewAttemptReplacesAnUnfinishedRunAndItsEpochsButADoneUnitIsNotClaimedAgain() {
        long single = Samples.submit(store, Samples.experiment("single", "maximize"), Samples.trials(1), 1);
        Claim interrupted = Samples.claim(store, single);
        long trialId = interrupted.trialId();
        store.queue().addEpoch(interrupted, Samples.epoch(1));
        store.queue().addEpoch(interrupted, Samples.epoch(2));
        store.queue().release(interrupted);

        Claim restarted = Samples.claim(store, single);
        store.queue().addEpoch(restarted, Samples.epoch(1));

        assertThat(restarted.foldRunId()).isNotEqualTo(interrupted.foldRunId());
        assertThat(folds.byTrial(trialId)).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(restarted.foldRunId());
            assertThat(f.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(f.epochs()).containsExactly(Samples.epoch(1));
        });

        store.queue().finishFold(restarted, SCORER);
        assertThat(store.queue().claim(List.of(single), Samples.WORKER, 60)).isEmpty();
        assertThat(folds.byTrial(trialId))
                .singleElement()
                .extracting(FoldRunRow::id)
                .isEqualTo(restarted.foldRunId());
    }

    @Test
    void nonFiniteMetricsRoundTripExactly() {
        Claim c = Samples.claim(store, experimentId);
        EpochMetrics diverged =
                new EpochMetrics(1, Double.NaN, 0.1, Double.POSITIVE_INFINITY, 0.1, Double.NEGATIVE_INFINITY, 0.5);
        store.queue().addEpoch(c, diverged);

        EpochMetrics read = folds.byTrial(trials.get(0).id()).get(0).epochs().get(0);

        assertThat(read).isEqualTo(diverged);
        assertThat(read.trainLoss()).isNaN();
        assertThat(read.hasNonFinite()).isTrue();
    }

    @Test
    void aRepeatedEpochIsAStoreError() {
        Claim c = Samples.claim(store, experimentId);
        store.queue().addEpoch(c, Samples.epoch(1));

        assertThatThrownBy(() -> store.queue().addEpoch(c, Samples.epoch(1)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("could not record epoch 1 of unit " + c.unitId());
        assertThat(folds.byTrial(c.trialId()).get(0).epochs()).containsExactly(Samples.epoch(1));
    }

    @Test
    void fourWorkersAddingEpochsConcurrentlyStoreEveryRow() throws Exception {
        int epochs = 50;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                Claim c = store.queue()
                        .claim(List.of(experimentId), Samples.WORKER.onThread("w" + worker), 600)
                        .orElseThrow();
                work.add(pool.submit(() -> {
                    IntStream.rangeClosed(1, epochs).forEach(e -> store.queue().addEpoch(c, Samples.epoch(e)));
                    store.queue().finishFold(c, SCORER);
                }));
            }
            while (!work.stream().allMatch(Future::isDone)) {
                assertThat(store.experiments().loadDetail(experimentId)).isPresent();
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        ExperimentDetail detail = store.experiments().loadDetail(experimentId).orElseThrow();
        List<FoldRunRow> all =
                detail.trials().stream().flatMap(t -> t.folds().stream()).toList();
        assertThat(all).hasSize(4).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(RunStatus.DONE);
            assertThat(f.epochs())
                    .extracting(EpochMetrics::epoch)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, epochs).boxed().toList());
        });
    }
}
