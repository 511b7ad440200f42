package dev.workbench.app;

import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one ranking rule of the workbench: done trials with a finite mean score, best first by the
 * experiment's goal, ties broken by the lower trial index; every other trial (failed, running, queued,
 * diverged) has no rank. The CLI leaderboard, {@code show --json}, the API and the choice of the trial to
 * refit or export all rank through here.
 */
final class Ranking {

    private Ranking() {}

    /** Trial id to rank (1 = best) for the ranked trials among {@code trials}. */
    static Map<Long, Integer> ranks(List<TrialRow> trials, boolean maximize) {
        List<TrialRow> ranked = ranked(trials, maximize);
        Map<Long, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            ranks.put(ranked.get(i).id(), i + 1);
        }
        return ranks;
    }

    /** The ranked trials, best first. */
    static List<TrialRow> ranked(List<TrialRow> trials, boolean maximize) {
        Comparator<TrialRow> byMean = Comparator.comparingDouble(t -> t.score().mean());
        return trials.stream()
                .filter(Ranking::rankable)
                .sorted((maximize ? byMean.reversed() : byMean).thenComparingInt(TrialRow::index))
                .toList();
    }

    /** The best trial of an experiment, if any trial is ranked: the one to refit and to export by default. */
    static Optional<TrialRow> best(Store store, long experimentId) {
        boolean maximize = store.experiments().byId(experimentId).orElseThrow().maximize();
        return ranked(store.trials().byExperiment(experimentId), maximize).stream()
                .findFirst();
    }

    private static boolean rankable(TrialRow t) {
        return t.status() == RunStatus.DONE
                && t.score() != null
                && Double.isFinite(t.score().mean());
    }
}
