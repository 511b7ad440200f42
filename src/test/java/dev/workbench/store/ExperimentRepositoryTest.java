package dev.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.StoreException;
import dev.workbench.UserInputException;
import dev.workbench.metrics.ScoreSummary;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExperimentRepositoryTest {

    private final Store store = Samples.memoryStore();
    private final ExperimentRepository experiments = store.experiments();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSubmittedExperimentIsRunningAndReadableById() {
        long id = submit("mnist-mlp", "maximize", 0);

        ExperimentRow row = experiments.byId(id).orElseThrow();
        assertThat(row.name()).isEqualTo("mnist-mlp");
        assertThat(row.specHash()).isEqualTo(Samples.HASH);
        assertThat(row.specJson()).isEqualTo("{\"name\":\"mnist-mlp\"}");
        assertThat(row.specYaml()).isEqualTo("name: mnist-mlp\n");
        assertThat(row.seed()).isEqualTo(42L);
        assertThat(row.strategy()).isEqualTo("grid");
        assertThat(row.metric()).isEqualTo("val_accuracy");
        assertThat(row.maximize()).isTrue();
        assertThat(row.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(row.createdAt()).isNotNull();
        assertThat(row.finishedAt()).isNull();
        assertThat(row.provenanceJson()).isNull();
        assertThat(row.inferenceBatch()).isEqualTo(256);
        assertThat(row.kernels()).isEqualTo(2);
        assertThat(experiments.byId(id + 1)).isEmpty();
    }

    @Test
    void latestByNameIsTheHighestIdWithThatName() {
        long first = submit("a", "maximize", 0);
        long other = submit("b", "maximize", 0);
        long second = submit("a", "minimize", 0);

        assertThat(second).isGreaterThan(first);
        assertThat(experiments.latestByName("a"))
                .get()
                .extracting(ExperimentRow::id)
                .isEqualTo(second);
        assertThat(experiments.latestByName("b"))
                .get()
                .extracting(ExperimentRow::id)
                .isEqualTo(other);
        assertThat(experiments.latestByName("c")).isEmpty();
        assertThatThrownBy(() -> experiments.requireLatestByName("c"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("'c'");
    }

    @Test
    void listIsNewestFirstWithTrialCountsAndBestScoreByGoal() {
        long max = submit("max", "maximize", 5);
        long min = submit("min", "minimize", 3);
        long empty = submit("empty", "maximize", 0);
        score(max, 0.90);
        score(max, 0.95);
        score(max, Double.NaN);
        Samples.failNext(store, max, "diverged");
        score(min, 0.30);
        score(min, 0.20);
        score(min, Double.NEGATIVE_INFINITY);

        List<ExperimentSummary> list = experiments.list();

        assertThat(list).extracting(ExperimentSummary::id).containsExactly(empty, min, max);
        assertThat(list.get(2)).satisfies(s -> {
            assertThat(s.name()).isEqualTo("max");
            assertThat(s.goal()).isEqualTo("maximize");
            assertThat(s.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(s.createdAt()).isNotNull();
            assertThat(List.of(s.trialsTotal(), s.trialsDone(), s.trialsFailed()))
                    .containsExactly(5, 3, 1);
            assertThat(s.bestScore()).isEqualTo(0.95);
        });
        assertThat(list.get(1).bestScore()).as("lowest finite score").isEqualTo(0.20);
        assertThat(list.get(0)).satisfies(s -> {
            assertThat(List.of(s.trialsTotal(), s.trialsDone(), s.trialsFailed()))
                    .containsExactly(0, 0, 0);
            assertThat(s.bestScore()).isNull();
        });
    }

    @Test
    void setProvenanceReplacesTheStoredOne() {
        long id = store.queue()
                .submit(new Submission(
                        Samples.experiment("x", "maximize"), "{\"java\":\"11\"}", List.of(), List.of(), false, 1));

        experiments.setProvenance(id, "{\"java\":\"17\"}");

        assertThat(experiments.byId(id).orElseThrow().provenanceJson()).isEqualTo("{\"java\":\"17\"}");
    }

    @Test
    void anExperimentFinishesWhenItsLastUnitDoes() {
        long done = submit("done", "maximize", 1);
        long failed = submit("failed", "maximize", 1);

        score(done, 0.9);
        Samples.failNext(store, failed, "out of memory");

        assertThat(experiments.byId(done).orElseThrow())
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.DONE))
                .satisfies(r -> assertThat(r.finishedAt()).isNotNull());
        assertThat(experiments.byId(failed).orElseThrow())
                .satisfies(r -> assertThat(r.status()).as("no trial done").isEqualTo(RunStatus.FAILED))
                .satisfies(r -> assertThat(r.finishedAt()).isNotNull());
    }

    @Test
    void updatingAnUnknownExperimentIsAStoreError() {
        assertThatThrownBy(() -> experiments.setProvenance(99, "{}"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no experiment with id 99");
        assertThatThrownBy(() -> experiments.delete(99))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no experiment with id 99");
    }

    /** An experiment with {@code trials} trials of one fold unit each. */
    private long submit(String name, String goal, int trials) {
        return Samples.submit(store, Samples.experiment(name, goal), Samples.trials(trials), 1);
    }

    /** Runs the experiment's next unit, scoring its trial {@code mean}. */
    private void score(long experimentId, double mean) {
        Samples.finishNext(store, experimentId, new ScoreSummary(mean, 0.01, mean - 0.02, mean + 0.02, 3));
    }
}
