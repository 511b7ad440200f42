package dev.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.ScoreSummary;
import dev.workbench.testing.PostgresServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The work queue on H2 and on PostgreSQL: atomic submission, claims, leases, fencing, scoring once. */
@Tag("slow")
class WorkQueueTest {

    private static final AtomicInteger DBS = new AtomicInteger();
    private static final WorkerIdentity A = new WorkerIdentity("hostA:1", "t1", "CPU", "avx2");
    private static final WorkerIdentity B = new WorkerIdentity("hostB:2", "t1", "CPU", "generic");
    private static final TrialScorer MEAN = (trial, folds) -> new TrialScorer.Score(
            ScoreSummary.of(folds.stream()
                    .map(f -> f.epochs().get(f.epochs().size() - 1).valAccuracy())
                    .toList()),
            "{\"folds\":" + folds.size() + "}");

    static Store open(String engine) {
        return open(engine, url(engine));
    }

    private static Store open(String engine, String url) {
        return engine.equals("h2") ? Store.open(url) : Store.open(url, 80);
    }

    private static String url(String engine) {
        if (engine.equals("h2")) {
            return "jdbc:h2:mem:queue" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        }
        return PostgresServer.get().newDatabase("queue");
    }

    static long submit(Store store, int trials, int folds, boolean refit) {
        List<NewTrial> t = new ArrayList<>();
        List<NewUnit> units = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            t.add(new NewTrial(i, Samples.params(0.1 * (i + 1), 8), 100 + i));
            for (int f = 0; f < folds; f++) {
                units.add(new NewUnit(i, f, 1000 + 10L * i + f));
            }
        }
        return store.queue().submit(new Submission(Samples.experiment("q", "maximize"), "{}", t, units, refit, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void submissionIsAllOrNothing(String engine) {
        try (Store store = open(engine)) {
            long id = submit(store, 2, 3, true);
            assertThat(store.trials().byExperiment(id)).hasSize(2);
            assertThat(store.units().byExperiment(id)).hasSize(7).allMatch(u -> u.state()
                    .equals("queued"));

            Submission bad = new Submission(
                    Samples.experiment("bad", "maximize"),
                    null,
                    List.of(new NewTrial(0, Samples.params(0.1, 8), 1)),
                    List.of(new NewUnit(5, 0, 1)),
                    false,
                    3);
            assertThatThrownBy(() -> store.queue().submit(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.experiments().latestByName("bad")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void unitsAreClaimedOnceEachByConcurrentClaimersAndTheRefitOnlyAfterEveryTrial(String engine) throws Exception {
        try (Store store = open(engine)) {
            long id = submit(store, 6, 4, true);
            List<Claim> claimed = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                WorkerIdentity who = A.onThread("t" + t);
                futures.add(pool.submit(() -> {
                    Optional<Claim> c;
                    while ((c = store.queue().claim(List.of(id), who, 60)).isPresent()) {
                        claimed.add(c.get());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertThat(claimed).hasSize(24).allMatch(c -> c.kind() == UnitKind.FOLD);
            assertThat(claimed.stream().map(Claim::unitId).distinct()).hasSize(24);

            for (Claim c : claimed) {
                store.queue().addEpoch(c, epoch(1, 0.5 + c.fold() * 0.1));
                store.queue().finishFold(c, MEAN);
            }
            assertThat(store.trials().byExperiment(id)).allSatisfy(t -> {
                assertThat(t.status()).isEqualTo(RunStatus.DONE);
                assertThat(t.score().mean()).isCloseTo(0.65, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(t.provenanceJson()).isEqualTo("{\"folds\":4}");
            });
            Claim refit = store.queue().claim(List.of(id), B, 60).orElseThrow();
            assertThat(refit.kind()).isEqualTo(UnitKind.REFIT);
            UnitOutcome done = store.queue()
                    .finishRefit(refit, new Refit(0, 5, RunStatus.DONE, null, 1, 0.1, 0.9, 1.0), new byte[] {1, 2, 3});
            assertThat(done.experimentFinished()).isTrue();
            assertThat(store.experiments().byId(id).orElseThrow().status()).isEqualTo(RunStatus.DONE);
            assertThat(store.refits().model(id)).get().isEqualTo(new byte[] {1, 2, 3});
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anExpiredClaimIsTakenOverAndTheLateWorkersWritesAreRejected(String engine) throws Exception {
        try (Store store = open(engine)) {
            long id = submit(store, 1, 1, false);
            Claim first = store.queue().claim(List.of(id), A, 1).orElseThrow();
            store.queue().addEpoch(first, epoch(1, 0.3));
            assertThat(store.queue().claim(List.of(id), B, 60)).as("leased").isEmpty();
            Thread.sleep(1_500);

            Claim second = store.queue().claim(List.of(id), B, 60).orElseThrow();
            assertThat(second.attempt()).isEqualTo(2);
            assertThat(second.seed()).isEqualTo(first.seed());
            assertThat(store.foldRuns().byTrial(second.trialId()))
                    .singleElement()
                    .satisfies(f -> assertThat(f.epochs())
                            .as("the first attempt's epochs are gone")
                            .isEmpty());
            assertThat(store.queue().heartbeat(first, 60)).isFalse();
            assertThatThrownBy(() -> store.queue().addEpoch(first, epoch(2, 0.4)))
                    .isInstanceOf(LostClaimException.class);
            assertThatThrownBy(() -> store.queue().finishFold(first, MEAN)).isInstanceOf(LostClaimException.class);

            store.queue().addEpoch(second, epoch(1, 0.7));
            store.queue().finishFold(second, MEAN);
            FoldRunRow run = store.foldRuns().byTrial(second.trialId()).get(0);
            assertThat(run.epochs()).extracting(EpochMetrics::valAccuracy).containsExactly(0.7);
            assertThat(run.trainedBy()).isEqualTo(new FoldRunRow.TrainedBy(2, "hostB:2", "CPU", "generic"));
            assertThat(store.units().byExperiment(id)).singleElement().satisfies(u -> {
                assertThat(u.state()).isEqualTo("done");
                assertThat(u.failures()).isEqualTo(1);
                assertThat(u.error()).contains("attempt 1 by hostA:1/t1 stopped renewing its lease");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aUnitThatKeepsThrowingFailsItsTrialAfterMaxAttemptsAndTheSearchGoesOn(String engine) {
        try (Store store = open(engine)) {
            long id = submit(store, 2, 2, false);
            for (int attempt = 1; attempt <= 3; attempt++) {
                Claim c = store.queue().claim(List.of(id), A, 60).orElseThrow();
                assertThat(c.attempt()).isEqualTo(attempt);
                assertThat(store.queue().fail(c, "boom " + attempt, true).retry())
                        .isEqualTo(attempt < 3);
            }
            TrialRow failed = store.trials().byExperiment(id).get(0);
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.error()).isEqualTo("fold 0: boom 3");
            List<UnitRow> units = store.units().byExperiment(id);
            assertThat(units.get(1).state()).isEqualTo("failed");
            assertThat(units.get(1).error()).startsWith("not run");

            Claim other;
            while ((other = store.queue().claim(List.of(id), A, 60).orElse(null)) != null) {
                assertThat(other.trialId())
                        .isEqualTo(store.trials().byExperiment(id).get(1).id());
                store.queue().addEpoch(other, epoch(1, 0.5));
                store.queue().finishFold(other, MEAN);
            }
            assertThat(store.experiments().byId(id).orElseThrow().status()).isEqualTo(RunStatus.DONE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void notANumberAndInfinitiesSurviveARoundTrip(String engine) {
        try (Store store = open(engine)) {
            long id = submit(store, 1, 1, false);
            Claim c = store.queue().claim(List.of(id), A, 60).orElseThrow();
            EpochMetrics odd = new EpochMetrics(
                    1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.25, Double.MIN_VALUE, 1.5);
            store.queue().addEpoch(c, odd);
            assertThat(store.foldRuns().byTrial(c.trialId()).get(0).epochs()).containsExactly(odd);
            store.queue().release(c);
            assertThat(store.foldRuns().byTrial(c.trialId())).isEmpty();
            assertThat(store.queue().claim(List.of(id), B, 60))
                    .get()
                    .extracting(Claim::attempt)
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anExperimentStoredBeforeTheQueueGetsUnitsForTheFoldsItLacks(String engine) {
        String url = url(engine);
        try (Store store = open(engine, url)) {
            long id = storeBeforeTheQueue(engine, url);
            long trial0 = store.trials().byExperiment(id).get(0).id();
            // experiments stored before the inference_batch and kernels columns scored 1,024 rows per forward
            // pass and trained with DL4J's layers throughout
            assertThat(store.experiments().byId(id).orElseThrow().inferenceBatch())
                    .isEqualTo(1024);
            assertThat(store.experiments().byId(id).orElseThrow().kernels()).isEqualTo(1);

            store.queue()
                    .queueStored(
                            id,
                            List.of(
                                    new NewUnit(0, 0, 10),
                                    new NewUnit(0, 1, 11),
                                    new NewUnit(1, 0, 20),
                                    new NewUnit(1, 1, 21)),
                            true,
                            3);
            assertThat(store.units().byExperiment(id))
                    .extracting(UnitRow::state)
                    .containsExactly("done", "queued", "queued", "queued", "queued");
            Claim c = store.queue().claim(List.of(id), A, 60).orElseThrow();
            assertThat(c.fold()).isEqualTo(1);
            assertThat(store.foldRuns().byTrial(trial0))
                    .extracting(FoldRunRow::fold)
                    .containsExactly(0, 1);
            store.queue().addEpoch(c, epoch(1, 0.7));
            store.queue().finishFold(c, MEAN);
            assertThat(store.trials().byExperiment(id).get(0).score().mean())
                    .isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    /**
     * Writes what the run loop stored before there was a queue, as it wrote it: an experiment with two trials,
     * fold 0 of trial 0 done with one epoch (val_accuracy 0.5) and fold 1 interrupted; returns its id.
     */
    private static long storeBeforeTheQueue(String engine, String url) {
        Jdbi jdbi = engine.equals("h2") ? Jdbi.create(url, "sa", "") : Jdbi.create(url);
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO experiment (name, spec_hash, spec_json, spec_yaml, seed, strategy,"
                            + " metric, goal, status) VALUES ('old', :hash, '{}', 'name: old', 42, 'grid', 'val_accuracy',"
                            + " 'maximize', 'running')")
                    .bind("hash", Samples.HASH)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            h.createUpdate("INSERT INTO trial (experiment_id, trial_index, params_json, seed, status) VALUES"
                            + " (:id, 0, '{\"lr\":0.1}', 1, 'queued'), (:id, 1, '{\"lr\":0.2}', 2, 'queued')")
                    .bind("id", id)
                    .execute();
            long trial0 = h.createQuery("SELECT id FROM trial WHERE experiment_id = :id AND trial_index = 0")
                    .bind("id", id)
                    .mapTo(Long.class)
                    .one();
            long done = h.createUpdate("INSERT INTO fold_run (trial_id, fold, seed, status, finished_at)"
                            + " VALUES (:trial, 0, 10, 'done', CURRENT_TIMESTAMP)")
                    .bind("trial", trial0)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            h.createUpdate("INSERT INTO epoch_metric (fold_run_id, epoch, train_loss, train_accuracy, val_loss,"
                            + " val_accuracy, learning_rate, seconds) VALUES (:run, 1, 0.5, 0.8, 0.6, 0.5, 0.01, 0.1)")
                    .bind("run", done)
                    .execute();
            h.createUpdate("INSERT INTO fold_run (trial_id, fold, seed, status) VALUES (:trial, 1, 11, 'running')")
                    .bind("trial", trial0)
                    .execute();
            return id;
        });
    }

    private static EpochMetrics epoch(int n, double valAccuracy) {
        return new EpochMetrics(n, 0.5, 0.8, 0.6, valAccuracy, 0.01, 0.1);
    }
}
