package dev.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.StoreException;
import dev.workbench.metrics.EpochMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FoldRunRepositoryTest {

    private final Store store = Samples.memoryStore();
    private final FoldRunRepository folds = store.foldRuns();
    private final long experimentId = store.experiments().create(Samples.experiment("e", "maximize"));
    private final List<TrialRow> trials = insertTwoTrials();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void lifecycleOfAFoldRunWithItsEpochs() {
        long trialId = trials.get(0).id();
        long failing = folds.start(trialId, 1, 11L);
        long done = folds.start(trialId, 0, 10L);
        folds.addEpoch(done, Samples.epoch(1));
        folds.addEpoch(done, Samples.epoch(2));
        folds.finish(done);
        folds.addEpoch(failing, Samples.epoch(1));
        folds.fail(failing, "NaN loss");

        List<FoldRunRow> rows = folds.byTrial(trialId);

        assertThat(rows).extracting(FoldRunRow::fold).containsExactly(0, 1);
        FoldRunRow first = rows.get(0);
        assertThat(first.id()).isEqualTo(done);
        assertThat(first.trialId()).isEqualTo(trialId);
        assertThat(first.seed()).isEqualTo(10L);
        assertThat(first.status()).isEqualTo(RunStatus.DONE);
        assertThat(first.startedAt()).isNotNull();
        assertThat(first.finishedAt()).isNotNull();
        assertThat(first.epochs()).containsExactly(Samples.epoch(1), Samples.epoch(2));
        assertThat(rows.get(1).status()).isEqualTo(RunStatus.FAILED);
        assertThat(rows.get(1).error()).isEqualTo("NaN loss");
        assertThat(rows.get(1).epochs()).containsExactly(Samples.epoch(1));
        assertThat(folds.byTrial(trials.get(1).id())).isEmpty();
    }

    @Test
    void startReplacesAnUnfinishedRunAndItsEpochsButNotADoneOne() {
        long trialId = trials.get(0).id();
        long interrupted = folds.start(trialId, 0, 10L);
        folds.addEpoch(interrupted, Samples.epoch(1));
        folds.addEpoch(interrupted, Samples.epoch(2));

        long restarted = folds.start(trialId, 0, 10L);
        folds.addEpoch(restarted, Samples.epoch(1));

        assertThat(restarted).isNotEqualTo(interrupted);
        assertThat(folds.byTrial(trialId)).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(restarted);
            assertThat(f.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(f.epochs()).containsExactly(Samples.epoch(1));
        });

        folds.finish(restarted);
        assertThatThrownBy(() -> folds.start(trialId, 0, 10L)).isInstanceOf(StoreException.class)
                .hasMessageContaining("start fold 0 of trial " + trialId);
        assertThat(folds.byTrial(trialId)).singleElement().extracting(FoldRunRow::id).isEqualTo(restarted);
    }

    @Test
    void nonFiniteMetricsRoundTripExactly() {
        long id = folds.start(trials.get(0).id(), 0, 1);
        EpochMetrics diverged = new EpochMetrics(1, Double.NaN, 0.1, Double.POSITIVE_INFINITY, 0.1,
                Double.NEGATIVE_INFINITY, 0.5);
        folds.addEpoch(id, diverged);

        EpochMetrics read = folds.byTrial(trials.get(0).id()).get(0).epochs().get(0);

        assertThat(read).isEqualTo(diverged);
        assertThat(read.trainLoss()).isNaN();
        assertThat(read.hasNonFinite()).isTrue();
    }

    @Test
    void aRepeatedEpochIsAStoreError() {
        long id = folds.start(trials.get(0).id(), 0, 1);
        folds.addEpoch(id, Samples.epoch(1));

        assertThatThrownBy(() -> folds.addEpoch(id, Samples.epoch(1)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("could not record epoch 1 of fold run " + id);
    }

    @Test
    void fourWorkersAddingEpochsConcurrentlyStoreEveryRow() throws Exception {
        int epochs = 50;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                long trialId = trials.get(worker / 2).id();
                int fold = worker % 2;
                work.add(pool.submit(() -> {
                    long id = folds.start(trialId, fold, fold);
                    IntStream.rangeClosed(1, epochs).forEach(e -> folds.addEpoch(id, Samples.epoch(e)));
                    folds.finish(id);
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
        List<FoldRunRow> all = detail.trials().stream().flatMap(t -> t.folds().stream()).toList();
        assertThat(all).hasSize(4).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(RunStatus.DONE);
            assertThat(f.epochs()).extracting(EpochMetrics::epoch)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, epochs).boxed().toList());
        });
    }

    private List<TrialRow> insertTwoTrials() {
        store.trials().insertAll(experimentId, List.of(new NewTrial(0, Samples.params(0.1, 1), 1),
                new NewTrial(1, Samples.params(0.2, 2), 2)));
        return store.trials().byExperiment(experimentId);
    }
}
