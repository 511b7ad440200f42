package dev.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.StoreException;
import dev.workbench.UserInputException;
import dev.workbench.metrics.ScoreSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    @Test
    void fileUrlIsAbsoluteWithAutoServer() {
        Path relative = Path.of("results", "workbench");

        assertThat(Store.fileUrl(relative))
                .isEqualTo("jdbc:h2:file:" + relative.toAbsolutePath() + ";AUTO_SERVER=TRUE");
        assertThat(Store.fileUrl(dir.resolve("wb.mv.db"))).isEqualTo(Store.fileUrl(dir.resolve("wb")));
        assertThatThrownBy(() -> Store.fileUrl(dir.resolve("a;b"))).isInstanceOf(UserInputException.class);
    }

    @Test
    void fileDatabasePersistsAcrossReopenAndMigratesOnce() throws Exception {
        String url = Store.fileUrl(dir.resolve("wb"));
        long id;
        try (Store store = Store.open(url)) {
            id = Samples.submit(
                    store,
                    Samples.experiment("kept", "maximize"),
                    List.of(new NewTrial(0, Samples.params(0.5, 32), 9)),
                    1);
        }
        assertThat(dir.resolve("wb.mv.db")).exists();

        try (Store reopened = Store.open(url)) {
            assertThat(reopened.experiments().latestByName("kept"))
                    .get()
                    .extracting(ExperimentRow::id)
                    .isEqualTo(id);
            assertThat(reopened.trials().byExperiment(id)).singleElement().satisfies(t -> assertThat(t.params())
                    .containsExactlyEntriesOf(Samples.params(0.5, 32)));
        }
        assertThat(appliedMigrations(url)).containsExactly("1", "2", "3", "4", "5", "6", "7");
    }

    @Test
    void anEpochIsVisibleToASecondStoreAsSoonAsAddEpochReturns() {
        String url = Store.fileUrl(dir.resolve("shared"));
        try (Store writer = Store.open(url)) {
            long id = Samples.submit(
                    writer,
                    Samples.experiment("live", "maximize"),
                    List.of(new NewTrial(0, Samples.params(0.5, 32), 9)),
                    1);
            Claim claim = Samples.claim(writer, id);
            long trialId = claim.trialId();
            writer.queue().addEpoch(claim, Samples.epoch(1));

            try (Store reader = Store.open(url)) {
                assertThat(reader.foldRuns().byTrial(trialId)).singleElement().satisfies(f -> {
                    assertThat(f.status()).isEqualTo(RunStatus.RUNNING);
                    assertThat(f.epochs()).containsExactly(Samples.epoch(1));
                });
            }
        }
    }

    @Test
    void aBadUrlIsAStoreErrorNamingIt() {
        Path notADirectory = dir.resolve("file");
        String url = "jdbc:h2:file:" + notADirectory.resolve("db") + ";IFEXISTS=TRUE";

        assertThatThrownBy(() -> Store.open(url))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(url);
        assertThatThrownBy(() -> Store.open("jdbc:postgresql://nowhere/db"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://nowhere/db");
        assertThat(Files.exists(notADirectory)).isFalse();
    }

    @Test
    void loadDetailReturnsTheWholeTreeInOrder() {
        try (Store store = Samples.memoryStore()) {
            long id = store.queue()
                    .submit(new Submission(
                            Samples.experiment("tree", "maximize"),
                            null,
                            Samples.trials(3),
                            List.of(new NewUnit(0, 0, 0), new NewUnit(0, 1, 1), new NewUnit(2, 0, 0)),
                            false,
                            3));
            Claim fold0 = Samples.claim(store, id);
            Claim fold1 = Samples.claim(store, id);
            store.queue().release(fold0); // fold 0 is claimed again below: its run is stored after fold 1's
            fold0 = Samples.claim(store, id);
            assertThat(fold0.foldRunId()).isGreaterThan(fold1.foldRunId());
            for (Claim run : List.of(fold1, fold0)) {
                store.queue().addEpoch(run, Samples.epoch(1));
                store.queue().addEpoch(run, Samples.epoch(2));
                store.queue().finishFold(run, Samples.scoring(new ScoreSummary(0.9, 0, 0.9, 0.9, 2)));
            }
            Samples.claim(store, id);

            ExperimentDetail detail = store.experiments().loadDetail(id).orElseThrow();

            assertThat(detail.experiment().name()).isEqualTo("tree");
            assertThat(detail.refit()).isNull();
            assertThat(detail.trials()).extracting(t -> t.trial().index()).containsExactly(0, 1, 2);
            assertThat(detail.trials()).extracting(t -> t.folds().size()).containsExactly(2, 0, 1);
            assertThat(detail.trials().get(0).trial().score().mean()).isEqualTo(0.9);
            assertThat(detail.trials().get(0).folds())
                    .extracting(FoldRunRow::fold)
                    .containsExactly(0, 1);
            assertThat(detail.trials().get(0).folds())
                    .allSatisfy(f -> assertThat(f.epochs()).containsExactly(Samples.epoch(1), Samples.epoch(2)));
            assertThat(detail.trials().get(2).folds().get(0).epochs()).isEmpty();
            assertThat(store.experiments().loadDetail(id + 1)).isEmpty();
        }
    }

    @Test
    void refitIsUpsertedAndStampedWhenFinished() {
        try (Store store = Samples.memoryStore()) {
            long id = Samples.submit(store, Samples.experiment("refit", "maximize"), List.of(), 0);
            assertThat(store.refits().find(id)).isEmpty();

            store.refits().save(id, new Refit(3, 77, RunStatus.RUNNING, null, 0, null, null, 0));
            RefitRow running = store.refits().find(id).orElseThrow();
            assertThat(running.experimentId()).isEqualTo(id);
            assertThat(running.refit()).isEqualTo(new Refit(3, 77, RunStatus.RUNNING, null, 0, null, null, 0));
            assertThat(running.finishedAt()).isNull();

            Refit done = new Refit(3, 77, RunStatus.DONE, null, 12, Double.NaN, 0.98, 61.5);
            store.refits().save(id, done);
            RefitRow finished = store.refits().find(id).orElseThrow();
            assertThat(finished.refit()).isEqualTo(done);
            assertThat(finished.finishedAt()).isNotNull();
            assertThat(store.experiments().loadDetail(id).orElseThrow().refit()).isEqualTo(finished);
        }
    }

    private static List<String> appliedMigrations(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"type\" IN ('SQL', 'JDBC')"
                                        + " ORDER BY \"installed_rank\"")) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            return versions;
        }
    }
}
