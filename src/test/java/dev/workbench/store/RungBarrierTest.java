package dev.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.metrics.EpochMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rung barriers in the database, on H2 and PostgreSQL: closed once when the last units finish at once, the
 * worse trials pruned, survivors queued from their checkpoints, and a resumed unit whose worker died
 * continues from the checkpoint with its earlier epochs kept.
 */
class RungBarrierTest {

    private static final WorkerIdentity A = new WorkerIdentity("hostA:1", "t1", "CPU", "avx2");
    private static final WorkerIdentity B = new WorkerIdentity("hostB:2", "t1", "CPU", "avx2");

    /** Four trials of two folds; rung at epoch 1 of 3 (next: the end), factor 2. */
    private static long submit(Store store) {
        List<NewTrial> trials = new ArrayList<>();
        List<NewUnit> units = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            trials.add(new NewTrial(i, Samples.params(0.1 * (i + 1), 8), 100 + i));
            for (int f = 0; f < 2; f++) {
                units.add(new NewUnit(i, f, 1000 + 10L * i + f));
            }
        }
        return store.queue()
                .submit(new Submission(
                        Samples.experiment("h", "maximize"),
                        "{}",
                        trials,
                        units,
                        true,
                        3,
                        List.of(new NewRung(0, 1, null, 2)),
                        null));
    }

    /** Validation accuracy at epoch 1 by trial: 0.5, 0.9, 0.7, 0.9 (trials 1 and 3 tie; 1 wins by index). */
    private static EpochMetrics epoch(int trialIndex, int epoch) {
        double acc = new double[] {0.5, 0.9, 0.7, 0.9}[trialIndex];
        return new EpochMetrics(epoch, 0.1, 0.9, 0.2, acc, 1e-3, 0.1);
    }

    private static int index(Store store, Claim c) {
        return store.trials().byId(c.trialId()).orElseThrow().index();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theLastUnitsFinishingAtOnceCloseTheRungOnce(String engine) throws Exception {
        try (Store store = WorkQueueTest.open(engine)) {
            long id = submit(store);
            List<Claim> claims = new ArrayList<>();
            for (Claim c; (c = store.queue().claim(List.of(id), A, 60).orElse(null)) != null; ) {
                assertThat(c.stopEpoch()).isEqualTo(1);
                store.queue().addEpoch(c, epoch(index(store, c), 1));
                claims.add(c);
            }
            assertThat(claims).hasSize(8);
            for (Claim c : claims.subList(0, 6)) {
                store.queue()
                        .finishSegment(
                                c,
                                new SavedCheckpoint(
                                        1, new byte[] {(byte) c.fold().intValue()}, 7, 8));
            }
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Future<UnitOutcome>> last = new ArrayList<>();
            for (Claim c : claims.subList(6, 8)) {
                last.add(two.submit(() -> {
                    go.await();
                    return store.queue().finishSegment(c, new SavedCheckpoint(1, new byte[] {9}, 7, 8));
                }));
            }
            go.countDown();
            for (Future<UnitOutcome> f : last) {
                f.get();
            }
            two.shutdown();

            List<RungRow> rungs = store.search().rungs(id);
            assertThat(rungs).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo("closed");
                assertThat(r.ranked()).isEqualTo(4);
                assertThat(r.kept()).isEqualTo(2);
            });
            List<String> states = store.trials().byExperiment(id).stream()
                    .map(t -> t.index() + ":" + t.status().value())
                    .toList();
            assertThat(states).containsExactly("0:pruned", "1:running", "2:pruned", "3:running");
            assertThat(store.search().trials(id))
                    .extracting(TrialSearchRow::prunedAtEpoch)
                    .containsExactly(1, null, 1, null);
            assertThat(store.search().trials(id))
                    .extracting(TrialSearchRow::rungScore)
                    .containsExactly(0.5, 0.9, 0.7, 0.9);
            resumeAfterADeadWorker(store, id);
        }
    }

    private static void resumeAfterADeadWorker(Store store, long id) throws Exception {
        Claim resumed = store.queue().claim(List.of(id), A, 1).orElseThrow();
        assertThat(resumed.resumeEpoch()).isEqualTo(1);
        assertThat(resumed.stopEpoch()).isNull();
        assertThat(index(store, resumed)).isEqualTo(1);
        store.queue().addEpoch(resumed, epoch(1, 2));
        Thread.sleep(1_500);
        Claim again = store.queue().claim(List.of(id), B, 60).orElseThrow();
        assertThat(again.unitId()).isEqualTo(resumed.unitId());
        assertThat(again.foldRunId()).as("the fold run goes on").isEqualTo(resumed.foldRunId());
        assertThat(store.foldRuns().byTrial(again.trialId()).stream()
                        .filter(f -> f.fold() == again.fold())
                        .findFirst()
                        .orElseThrow()
                        .epochs())
                .extracting(EpochMetrics::epoch)
                .containsExactly(1);
        SavedCheckpoint checkpoint = store.queue().checkpoint(again);
        assertThat(checkpoint.epoch()).isEqualTo(1);
        assertThat(checkpoint.rngRoot()).isEqualTo(7);
        assertThat(checkpoint.rngNode()).isEqualTo(8);
    }
}
