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

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void submittedTrialsComeBackInIndexOrderWithParameterOrderAndExactValues() {
        Map<String, Double> awkward = new LinkedHashMap<>();
        awkward.put("z_last_alphabetically", 1e-4);
        awkward.put("a_first", 0.1 + 0.2);
        awkward.put("m", -3.0);
        long experimentId = Samples.submit(
                store,
                Samples.experiment("e", "maximize"),
                List.of(new NewTrial(1, Samples.params(0.1, 128), 7L), new NewTrial(0, awkward, Long.MIN_VALUE)),
                0);

        List<TrialRow> rows = trials.byExperiment(experimentId);

        assertThat(rows).extracting(TrialRow::index).containsExactly(0, 1);
        TrialRow first = rows.get(0);
        assertThat(first.params())
                .containsExactly(
                        Map.entry("z_last_alphabetically", 1e-4),
                        Map.entry("a_first", 0.1 + 0.2),
                        Map.entry("m", -3.0));
        assertThat(first.seed()).isEqualTo(Long.MIN_VALUE);
        assertThat(first.experimentId()).isEqualTo(experimentId);
        assertThat(first.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(first.score()).isNull();
        assertThat(first.startedAt()).isNull();
        assertThat(rows.get(1).params().keySet()).containsExactly("learning_rate", "hidden", "dropout");
        assertThat(trials.byId(first.id())).contains(first);
        assertThat(trials.byIndex(experimentId, 1)).contains(rows.get(1));
        assertThat(trials.byIndex(experimentId, 2)).isEmpty();
    }

    @Test
    void aSubmissionWithClashingTrialsStoresNothing() {
        List<NewTrial> clash =
                List.of(new NewTrial(0, Samples.params(0.1, 1), 1), new NewTrial(0, Samples.params(0.2, 2), 2));

        assertThatThrownBy(() -> Samples.submit(store, Samples.experiment("clash", "maximize"), clash, 0))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("store experiment clash and its units");
        assertThat(store.experiments().latestByName("clash")).isEmpty();
        assertThat(store.experiments().list()).isEmpty();
    }

    @Test
    void lifecycleRecordsScoreErrorAndTimes() {
        long experimentId = Samples.submit(store, Samples.experiment("e", "maximize"), Samples.trials(2), 2);
        List<TrialRow> rows = trials.byExperiment(experimentId);
        long done = rows.get(0).id();
        long failed = rows.get(1).id();
        ScoreSummary score = new ScoreSummary(0.9, 0.01, 0.88, 0.92, 3);

        Claim fold0 = Samples.claim(store, experimentId);
        Instant started = trials.byId(done).orElseThrow().startedAt();
        assertThat(started).isNotNull();
        assertThat(trials.byId(done).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        Claim fold1 = Samples.claim(store, experimentId);
        assertThat(fold1.trialId()).isEqualTo(done);
        assertThat(trials.byId(done).orElseThrow().startedAt())
                .as("kept while running")
                .isEqualTo(started);
        for (Claim c : List.of(fold0, fold1)) {
            store.queue().addEpoch(c, Samples.epoch(1));
            store.queue().finishFold(c, Samples.scoring(score));
        }
        Samples.failNext(store, experimentId, "out of memory");

        TrialRow doneRow = trials.byId(done).orElseThrow();
        assertThat(doneRow.status()).isEqualTo(RunStatus.DONE);
        assertThat(doneRow.score()).isEqualTo(score);
        assertThat(doneRow.finishedAt()).isNotNull();
        TrialRow failedRow = trials.byId(failed).orElseThrow();
        assertThat(failedRow.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failedRow.error()).isEqualTo("fold 0: out of memory");
        assertThat(failedRow.score()).isNull();
        assertThat(failedRow.finishedAt()).isNotNull();
    }

    @Test
    void nonFiniteScoresRoundTrip() {
        long experimentId = Samples.submit(store, Samples.experiment("e", "maximize"), Samples.trials(1), 1);
        ScoreSummary diverged =
                new ScoreSummary(Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 3);
        Samples.finishNext(store, experimentId, diverged);

        assertThat(trials.byExperiment(experimentId).get(0).score()).isEqualTo(diverged);
    }

    @Test
    void newTrialRejectsNonFiniteParameters() {
        assertThatThrownBy(() -> new NewTrial(0, Map.of("lr", Double.NaN), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr");
    }
}
