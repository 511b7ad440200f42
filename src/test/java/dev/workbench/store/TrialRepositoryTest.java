package dev.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.StoreException;
import dev.workbench.metrics.ScoreSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrialRepositoryTest {

    private final Store store = Samples.memoryStore();
    private final TrialRepository trials = store.trials();
    private final long experimentId = store.experiments().create(Samples.experiment("e", "maximize"));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void insertAllThenByExperimentKeepsIndexOrderParameterOrderAndExactValues() {
        Map<String, Double> awkward = new LinkedHashMap<>();
        awkward.put("z_last_alphabetically", 1e-4);
        awkward.put("a_first", 0.1 + 0.2);
        awkward.put("m", -3.0);
        trials.insertAll(experimentId, List.of(
                new NewTrial(1, Samples.params(0.1, 128), 7L),
                new NewTrial(0, awkward, Long.MIN_VALUE)));

        List<TrialRow> rows = trials.byExperiment(experimentId);

        assertThat(rows).extracting(TrialRow::index).containsExactly(0, 1);
        TrialRow first = rows.get(0);
        assertThat(first.params()).containsExactly(
                Map.entry("z_last_alphabetically", 1e-4), Map.entry("a_first", 0.1 + 0.2), Map.entry("m", -3.0));
        assertThat(first.seed()).isEqualTo(Long.MIN_VALUE);
        assertThat(first.experimentId()).isEqualTo(experimentId);
        assertThat(first.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(first.score()).isNull();
        assertThat(first.startedAt()).isNull();
        assertThat(rows.get(1).params().keySet()).containsExactly("learning_rate", "hidden", "dropout");
        assertThat(trials.byId(first.id())).contains(first);
    }

    @Test
    void insertAllIsAllOrNothing() {
        List<NewTrial> clash = List.of(
                new NewTrial(0, Samples.params(0.1, 1), 1),
                new NewTrial(0, Samples.params(0.2, 2), 2));

        assertThatThrownBy(() -> trials.insertAll(experimentId, clash))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("store 2 trials of experiment " + experimentId);
        assertThat(trials.byExperiment(experimentId)).isEmpty();
    }

    @Test
    void lifecycleRecordsScoreErrorAndTimes() {
        trials.insertAll(experimentId, List.of(new NewTrial(0, Samples.params(0.1, 1), 1),
                new NewTrial(1, Samples.params(0.2, 2), 2)));
        List<TrialRow> rows = trials.byExperiment(experimentId);
        long done = rows.get(0).id();
        long failed = rows.get(1).id();
        ScoreSummary score = new ScoreSummary(0.9, 0.01, 0.88, 0.92, 3);

        trials.markRunning(done);
        Instant started = trials.byId(done).orElseThrow().startedAt();
        assertThat(started).isNotNull();
        trials.markRunning(done);
        assertThat(trials.byId(done).orElseThrow().startedAt()).as("kept while running").isEqualTo(started);
        trials.markDone(done, score);
        trials.markRunning(failed);
        trials.markFailed(failed, "out of memory");

        TrialRow doneRow = trials.byId(done).orElseThrow();
        assertThat(doneRow.status()).isEqualTo(RunStatus.DONE);
        assertThat(doneRow.score()).isEqualTo(score);
        assertThat(doneRow.finishedAt()).isNotNull();
        TrialRow failedRow = trials.byId(failed).orElseThrow();
        assertThat(failedRow.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failedRow.error()).isEqualTo("out of memory");
        assertThat(failedRow.score()).isNull();
    }

    @Test
    void nonFiniteScoresRoundTripAndAreNotRanked() {
        trials.insertAll(experimentId, List.of(new NewTrial(0, Samples.params(0.1, 1), 1),
                new NewTrial(1, Samples.params(0.2, 2), 2), new NewTrial(2, Samples.params(0.3, 3), 3),
                new NewTrial(3, Samples.params(0.4, 4), 4)));
        List<TrialRow> rows = trials.byExperiment(experimentId);
        ScoreSummary diverged = new ScoreSummary(Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, 3);
        trials.markDone(rows.get(0).id(), diverged);
        trials.markDone(rows.get(1).id(), new ScoreSummary(0.8, 0, 0.8, 0.8, 1));
        trials.markDone(rows.get(2).id(), new ScoreSummary(0.9, 0, 0.9, 0.9, 1));
        trials.markDone(rows.get(3).id(), new ScoreSummary(0.9, 0, 0.9, 0.9, 1));

        assertThat(trials.byId(rows.get(0).id()).orElseThrow().score()).isEqualTo(diverged);
        assertThat(trials.ranked(experimentId, 10)).extracting(TrialRow::index).containsExactly(2, 3, 1);
        assertThat(trials.ranked(experimentId, 1)).extracting(TrialRow::index).containsExactly(2);
    }

    @Test
    void rankedHonoursMinimize() {
        long min = store.experiments().create(Samples.experiment("loss", "minimize"));
        trials.insertAll(min, List.of(new NewTrial(0, Samples.params(0.1, 1), 1),
                new NewTrial(1, Samples.params(0.2, 2), 2)));
        List<TrialRow> rows = trials.byExperiment(min);
        trials.markDone(rows.get(0).id(), new ScoreSummary(0.5, 0, 0.5, 0.5, 1));
        trials.markDone(rows.get(1).id(), new ScoreSummary(0.4, 0, 0.4, 0.4, 1));

        assertThat(trials.ranked(min, 10)).extracting(TrialRow::index).containsExactly(1, 0);
    }

    @Test
    void newTrialRejectsNonFiniteParameters() {
        assertThatThrownBy(() -> new NewTrial(0, Map.of("lr", Double.NaN), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr");
    }
}
