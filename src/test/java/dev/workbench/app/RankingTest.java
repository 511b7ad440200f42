package dev.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.metrics.ScoreSummary;
import dev.workbench.store.Samples;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RankingTest {

    private final Store store = Samples.memoryStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void done_trials_with_a_finite_mean_rank_best_first_ties_by_index_and_others_not_at_all() {
        long id = Samples.submit(store, Samples.experiment("e", "maximize"), Samples.trials(5), 1);
        Samples.finishNext(
                store,
                id,
                new ScoreSummary(Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 3));
        Samples.finishNext(store, id, new ScoreSummary(0.8, 0, 0.8, 0.8, 1));
        Samples.finishNext(store, id, new ScoreSummary(0.9, 0, 0.9, 0.9, 1));
        Samples.finishNext(store, id, new ScoreSummary(0.9, 0, 0.9, 0.9, 1));
        Samples.failNext(store, id, "out of memory");
        List<TrialRow> trials = store.trials().byExperiment(id);

        assertThat(Ranking.ranked(trials, true)).extracting(TrialRow::index).containsExactly(2, 3, 1);
        assertThat(Ranking.ranks(trials, true))
                .containsOnlyKeys(
                        trials.get(1).id(), trials.get(2).id(), trials.get(3).id())
                .containsEntry(trials.get(2).id(), 1)
                .containsEntry(trials.get(3).id(), 2);
        assertThat(Ranking.best(store, id)).map(TrialRow::index).contains(2);
    }

    @Test
    void minimize_ranks_the_lowest_first() {
        long id = Samples.submit(store, Samples.experiment("loss", "minimize"), Samples.trials(2), 1);
        Samples.finishNext(store, id, new ScoreSummary(0.5, 0, 0.5, 0.5, 1));
        Samples.finishNext(store, id, new ScoreSummary(0.4, 0, 0.4, 0.4, 1));

        assertThat(Ranking.ranked(store.trials().byExperiment(id), false))
                .extracting(TrialRow::index)
                .containsExactly(1, 0);
    }
}
