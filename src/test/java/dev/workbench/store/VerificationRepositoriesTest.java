package dev.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.StoreException;
import dev.workbench.metrics.ScoreSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trial provenance (stored as the trial scores), the stored refit model, exports and reproductions (migration V2). */
class VerificationRepositoriesTest {

    private static final List<NewTrial> TWO_TRIALS =
            List.of(new NewTrial(0, Samples.params(0.1, 8), 5), new NewTrial(1, Samples.params(0.2, 8), 6));

    @Test
    void trialProvenanceIsStoredAndReadBackWithTheTrial() {
        try (Store store = Samples.memoryStore()) {
            long id = store.queue()
                    .submit(new Submission(
                            Samples.experiment("e", "maximize"),
                            null,
                            TWO_TRIALS,
                            List.of(new NewUnit(1, 0, 60)),
                            false,
                            3));
            long trial = store.trials().byIndex(id, 1).orElseThrow().id();
            assertThat(store.trials().byId(trial).orElseThrow().provenanceJson())
                    .isNull();
            Claim c = Samples.claim(store, id);
            store.queue().addEpoch(c, Samples.epoch(1));
            store.queue()
                    .finishFold(c, (t, folds) -> new TrialScorer.Score(ScoreSummary.of(List.of(0.5)), "{\"seed\":6}"));
            assertThat(store.trials().byIndex(id, 1).orElseThrow().provenanceJson())
                    .isEqualTo("{\"seed\":6}");
            assertThat(store.experiments()
                            .loadDetail(id)
                            .orElseThrow()
                            .trials()
                            .get(1)
                            .trial()
                            .provenanceJson())
                    .isEqualTo("{\"seed\":6}");
            assertThat(store.trials().byIndex(id, 2)).isEmpty();
        }
    }

    @Test
    void theRefitModelIsKeptBesideTheRefitAndNeedsOne() {
        try (Store store = Samples.memoryStore()) {
            long id = Samples.submit(store, Samples.experiment("e", "maximize"), TWO_TRIALS, 0);
            assertThatThrownBy(() -> store.refits().saveModel(id, new byte[] {1}))
                    .isInstanceOf(StoreException.class);
            store.refits().save(id, new Refit(0, 7, RunStatus.DONE, null, 2, 0.1, 0.9, 1.0));
            assertThat(store.refits().model(id)).isEmpty();
            byte[] zip = new byte[100_000];
            zip[99_999] = 42;
            store.refits().saveModel(id, zip);
            assertThat(store.refits().model(id))
                    .hasValueSatisfying(b -> assertThat(b).isEqualTo(zip));
        }
    }

    @Test
    void theLatestReproductionOfEachTrialIsReturned() {
        try (Store store = Samples.memoryStore()) {
            long id = Samples.submit(store, Samples.experiment("e", "maximize"), TWO_TRIALS, 0);
            long t0 = store.trials().byIndex(id, 0).orElseThrow().id();
            long t1 = store.trials().byIndex(id, 1).orElseThrow().id();
            store.reproductions().record(t0, null, true, "identical", 2, "{}");
            store.reproductions().record(t0, 1, false, "fold 1 epoch 2 val_loss", 1, null);
            store.reproductions().record(t1, null, true, "identical", 1, null);

            ReproductionRow latest = store.reproductions().latest(t0).orElseThrow();
            assertThat(latest.identical()).isFalse();
            assertThat(latest.fold()).isEqualTo(1);
            assertThat(latest.trialIndex()).isZero();
            assertThat(latest.verifiedAt()).isNotNull();
            assertThat(store.reproductions().latestByExperiment(id))
                    .extracting(ReproductionRow::trialIndex, ReproductionRow::outcome, ReproductionRow::fold)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(0, "different", 1),
                            org.assertj.core.groups.Tuple.tuple(1, "identical", null));
        }
    }

    @Test
    void exportsAreListedNewestFirst() {
        try (Store store = Samples.memoryStore()) {
            long id = Samples.submit(store, Samples.experiment("e", "maximize"), TWO_TRIALS, 0);
            store.exports().record(id, 3, null, "/tmp/a", Samples.HASH, 0.97);
            store.exports().record(id, 3, 1, "/tmp/b", Samples.HASH, null);
            assertThat(store.exports().byExperiment(id))
                    .extracting(ExportRow::directory, ExportRow::fold, ExportRow::testAccuracy)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("/tmp/b", 1, null),
                            org.assertj.core.groups.Tuple.tuple("/tmp/a", null, 0.97));
        }
    }
}
