package dev.workbench.app;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.ReadOnlyStore;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * When a finished experiment's trials reached their scores, for the search benchmark: its done trials in
 * the order they finished, each with the epochs trained (over all folds and trials) by then. An epoch's end
 * is its fold run's start plus the recorded seconds of its epochs so far.
 */
public final class SearchTimeline {

    /**
     * One experiment's timeline.
     *
     * @param epochs every epoch recorded, over all folds of all trials
     * @param trials the done trials with a finite score, in the order they finished
     */
    public record Timeline(String metric, boolean maximize, long epochs, List<Reached> trials) {
        public Timeline {
            trials = List.copyOf(trials);
        }
    }

    /**
     * A done trial's score and 95% interval, when it finished and the epochs trained by then.
     *
     * @param epochsBefore epoch rows of every trial that had ended by {@code finishedAt}, this trial's included
     */
    public record Reached(
            int index,
            Map<String, Double> params,
            double score,
            double ci95Low,
            double ci95High,
            Instant finishedAt,
            long epochsBefore) {}

    private SearchTimeline() {}

    /** The timeline of the latest experiment named {@code name} in the database at {@code dbUrl}. */
    public static Timeline read(String dbUrl, String name) {
        try (Store store = ReadOnlyStore.open(dbUrl)) {
            ExperimentRow e = store.experiments().requireLatestByName(name);
            List<TrialRow> trials = store.trials().byExperiment(e.id());
            Map<Long, List<FoldRunRow>> folds =
                    store.foldRuns().byTrials(trials.stream().map(TrialRow::id).toList());
            List<Instant> epochEnds = new ArrayList<>();
            folds.values().forEach(list -> list.forEach(f -> epochEnds.addAll(ends(f))));
            List<Reached> reached = trials.stream()
                    .filter(t -> t.status() == RunStatus.DONE
                            && t.score() != null
                            && Double.isFinite(t.score().mean()))
                    .sorted(Comparator.comparing(TrialRow::finishedAt).thenComparingInt(TrialRow::index))
                    .map(t -> new Reached(
                            t.index(),
                            t.params(),
                            t.score().mean(),
                            t.score().ci95Low(),
                            t.score().ci95High(),
                            t.finishedAt(),
                            epochEnds.stream()
                                    .filter(end -> !end.isAfter(t.finishedAt()))
                                    .count()))
                    .toList();
            return new Timeline(e.metric(), e.maximize(), epochEnds.size(), reached);
        }
    }

    private static List<Instant> ends(FoldRunRow f) {
        List<Instant> out = new ArrayList<>();
        double seconds = 0;
        for (EpochMetrics m : f.epochs()) {
            seconds += m.seconds();
            out.add(f.startedAt().plusNanos(Math.round(seconds * 1e9)));
        }
        return out;
    }
}
