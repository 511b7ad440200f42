package dev.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.StoreException;
import dev.workbench.UserInputException;
import dev.workbench.metrics.ScoreSummary;
import java.util.List;
import java.util.stream.IntStream;
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
    void createStoresARunningExperimentReadableById() {
        long id = experiments.create(Samples.experiment("mnist-mlp", "maximize"));

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
        assertThat(experiments.byId(id + 1)).isEmpty();
    }

    @Test
    void latestByNameIsTheHighestIdWithThatName() {
        long first = experiments.create(Samples.experiment("a", "maximize"));
        long other = experiments.create(Samples.experiment("b", "maximize"));
        long second = experiments.create(Samples.experiment("a", "minimize"));

        assertThat(second).isGreaterThan(first);
        assertThat(experiments.latestByName("a")).get().extracting(ExperimentRow::id).isEqualTo(second);
        assertThat(experiments.latestByName("b")).get().extracting(ExperimentRow::id).isEqualTo(other);
        assertThat(experiments.latestByName("c")).isEmpty();
        assertThatThrownBy(() -> experiments.requireLatestByName("c"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("'c'");
    }

    @Test
    void listIsNewestFirstWithTrialCountsAndBestScoreByGoal() {
        long max = experiments.create(Samples.experiment("max", "maximize"));
        long min = experiments.create(Samples.experiment("min", "minimize"));
        long empty = experiments.create(Samples.experiment("empty", "maximize"));
        List<TrialRow> maxTrials = insertTrials(max, 5);
        score(maxTrials.get(0), 0.90);
        score(maxTrials.get(1), 0.95);
        score(maxTrials.get(2), Double.NaN);
        store.trials().markFailed(maxTrials.get(3).id(), "diverged");
        List<TrialRow> minTrials = insertTrials(min, 3);
        score(minTrials.get(0), 0.30);
        score(minTrials.get(1), 0.20);
        score(minTrials.get(2), Double.NEGATIVE_INFINITY);

        List<ExperimentSummary> list = experiments.list();

        assertThat(list).extracting(ExperimentSummary::id).containsExactly(empty, min, max);
        assertThat(list.get(2)).satisfies(s -> {
            assertThat(s.name()).isEqualTo("max");
            assertThat(s.goal()).isEqualTo("maximize");
            assertThat(s.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(s.createdAt()).isNotNull();
            assertThat(List.of(s.trialsTotal(), s.trialsDone(), s.trialsFailed())).containsExactly(5, 3, 1);
            assertThat(s.bestScore()).isEqualTo(0.95);
        });
        assertThat(list.get(1).bestScore()).as("lowest finite score").isEqualTo(0.20);
        assertThat(list.get(0)).satisfies(s -> {
            assertThat(List.of(s.trialsTotal(), s.trialsDone(), s.trialsFailed())).containsExactly(0, 0, 0);
            assertThat(s.bestScore()).isNull();
        });
    }

    @Test
    void finishMarkRunningAndProvenanceUpdateTheRow() {
        long id = experiments.create(Samples.experiment("x", "maximize"));

        experiments.finish(id, RunStatus.FAILED);
        assertThat(experiments.byId(id).orElseThrow())
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.FAILED))
                .satisfies(r -> assertThat(r.finishedAt()).isNotNull());

        experiments.markRunning(id);
        experiments.setProvenance(id, "{\"java\":\"17\"}");
        ExperimentRow resumed = experiments.byId(id).orElseThrow();
        assertThat(resumed.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(resumed.finishedAt()).isNull();
        assertThat(resumed.provenanceJson()).isEqualTo("{\"java\":\"17\"}");

        experiments.finish(id, RunStatus.DONE);
        assertThat(experiments.byId(id).orElseThrow().status()).isEqualTo(RunStatus.DONE);
    }

    @Test
    void updatingAnUnknownExperimentIsAStoreError() {
        assertThatThrownBy(() -> experiments.finish(99, RunStatus.DONE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no experiment with id 99");
        assertThatThrownBy(() -> experiments.finish(99, RunStatus.QUEUED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<TrialRow> insertTrials(long experimentId, int count) {
        store.trials().insertAll(experimentId, IntStream.range(0, count)
                .mapToObj(i -> new NewTrial(i, Samples.params(0.01 * (i + 1), 64), 100 + i))
                .toList());
        return store.trials().byExperiment(experimentId);
    }

    private void score(TrialRow trial, double mean) {
        store.trials().markRunning(trial.id());
        store.trials().markDone(trial.id(), new ScoreSummary(mean, 0.01, mean - 0.02, mean + 0.02, 3));
    }
}
