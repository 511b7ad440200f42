package dev.workbench.app;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The search history of an experiment: each finished or pruned trial's objective and the best so far,
 * against the cumulative epochs trained (summed over folds: the compute spent), in trial-index order so
 * the same results always give the same chart. A pruned trial counts as stopped at the highest epoch it
 * has rows for; its objective is the fold mean there. When trials reached different epochs (pruning,
 * early stopping) a rung view says how many trials were still alive at each epoch reached.
 */
public final class SearchHistory {

    /**
     * One experiment's history.
     *
     * @param epochsTrained  fold-epochs of every trial counted so far (done, failed and pruned)
     * @param trialsPending  trials still queued or running, not in the history yet
     * @param rungs          empty when every trial reached the same epoch
     */
    public record History(
            long experimentId,
            String metric,
            String goal,
            long epochsTrained,
            int trialsPending,
            List<Point> points,
            List<Rung> rungs) {
        public History {
            points = List.copyOf(points);
            rungs = List.copyOf(rungs);
        }
    }

    /**
     * One trial with a finite objective.
     *
     * @param params           its parameters, integral values as integers (as everywhere else)
     * @param epochsReached    the highest epoch any of its folds recorded
     * @param epochs           fold-epochs it trained
     * @param cumulativeEpochs fold-epochs of it and of every trial before it
     * @param bestSoFar        best objective of the done trials up to this one; null before the first
     */
    public record Point(
            long trialId,
            int index,
            String status,
            Map<String, Number> params,
            int epochsReached,
            long epochs,
            long cumulativeEpochs,
            double objective,
            Double bestSoFar) {}

    /**
     * An epoch some trial stopped at.
     *
     * @param alive   trials that trained at least this many epochs
     * @param stopped trials whose last epoch is this one (pruned here, or at the end)
     */
    public record Rung(int epoch, int alive, int stopped) {}

    private final Store store;

    public SearchHistory(Store store) {
        this.store = store;
    }

    /** The history of experiment {@code id}; empty when there is no such experiment. */
    public Optional<History> of(long id) {
        return store.experiments().byId(id).map(this::history);
    }

    private History history(ExperimentRow e) {
        List<TrialRow> trials = store.trials().byExperiment(e.id());
        Map<Long, List<FoldRunRow>> folds =
                store.foldRuns().byTrials(trials.stream().map(TrialRow::id).toList());
        List<Point> points = new ArrayList<>();
        long cumulative = 0;
        Double best = null;
        int pending = 0;
        for (TrialRow t : trials) {
            if (!counted(t.status())) {
                pending++;
                continue;
            }
            List<FoldRunRow> f = folds.getOrDefault(t.id(), List.of());
            long epochs = f.stream().mapToLong(r -> r.epochs().size()).sum();
            cumulative += epochs;
            int last = lastEpoch(f);
            double objective = objective(t, f, last, e.metric());
            if (t.status() == RunStatus.FAILED || !Double.isFinite(objective)) {
                continue;
            }
            if (t.status() == RunStatus.DONE && (best == null || better(objective, best, e.maximize()))) {
                best = objective;
            }
            points.add(new Point(
                    t.id(),
                    t.index(),
                    t.status().value(),
                    ExperimentReport.numbers(t.params()),
                    last,
                    epochs,
                    cumulative,
                    objective,
                    best));
        }
        return new History(e.id(), e.metric(), e.goal(), cumulative, pending, points, rungs(points));
    }

    private static boolean counted(RunStatus s) {
        return s == RunStatus.DONE || s == RunStatus.FAILED || s == RunStatus.PRUNED;
    }

    private static boolean better(double a, double b, boolean maximize) {
        return maximize ? a > b : a < b;
    }

    private static int lastEpoch(List<FoldRunRow> folds) {
        return folds.stream()
                .flatMap(r -> r.epochs().stream())
                .mapToInt(EpochMetrics::epoch)
                .max()
                .orElse(0);
    }

    /** A done trial's score; a pruned trial's fold mean at its last epoch; NaN when there is none. */
    private static double objective(TrialRow t, List<FoldRunRow> folds, int epoch, String metric) {
        if (t.status() == RunStatus.DONE) {
            return t.score() == null ? Double.NaN : t.score().mean();
        }
        return folds.stream()
                .flatMap(r -> r.epochs().stream())
                .filter(m -> m.epoch() == epoch)
                .mapToDouble(m -> m.metric(metric))
                .average()
                .orElse(Double.NaN);
    }

    private static List<Rung> rungs(List<Point> points) {
        TreeSet<Integer> epochs =
                new TreeSet<>(points.stream().map(Point::epochsReached).toList());
        if (epochs.size() < 2) {
            return List.of();
        }
        return epochs.stream()
                .map(e -> new Rung(
                        e,
                        (int) points.stream()
                                .filter(p -> p.epochsReached() >= e)
                                .count(),
                        (int) points.stream()
                                .filter(p -> p.epochsReached() == e)
                                .count()))
                .toList();
    }
}
