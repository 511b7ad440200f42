package dev.workbench.app;

import static com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.workbench.metrics.ShownScore;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.FoldOutcome;
import dev.workbench.store.RefitRow;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the leaderboard lines of one experiment: every trial with its rank, fold scores and test result. */
public final class TrialLines {

    /** One trial as the leaderboard shows it; the seed is a string, as 64-bit seeds exceed JavaScript's exact integers. */
    public record TrialLine(
            long id,
            int index,
            Map<String, Number> params,
            @JsonFormat(shape = STRING) long seed,
            String status,
            String error,
            ShownScore score,
            Integer rank,
            List<FoldScore> foldScores,
            int foldsDone,
            int epochs,
            TestResult test,
            Instant startedAt,
            Instant finishedAt,
            boolean weightsWarning) {}

    /**
     * The objective at a fold's last recorded epoch (its score once the fold is done).
     *
     * @param value NaN (written as null) for a diverged fold or one without epochs yet
     */
    public record FoldScore(int fold, String status, int epochs, double value) {}

    /** The refit of this trial's parameters on all training data, scored on the test set. */
    public record TestResult(String status, Double accuracy, Double loss, String error) {}

    private TrialLines() {}

    /** Every trial of the experiment, in index order. */
    static List<TrialLine> of(Store store, ExperimentRow experiment) {
        Map<Long, List<FoldOutcome>> folds = store.foldRuns().outcomesByExperiment(experiment.id()).stream()
                .collect(Collectors.groupingBy(FoldOutcome::trialId));
        return lines(store, experiment, store.trials().byExperiment(experiment.id()), folds);
    }

    /** Only the given trials of the experiment (ranked among all of them), in the order of {@code ids}. */
    static List<TrialLine> of(Store store, ExperimentRow experiment, List<Long> ids) {
        Map<Long, List<FoldOutcome>> folds = new HashMap<>();
        store.foldRuns()
                .byTrials(ids)
                .forEach((trial, runs) -> folds.put(
                        trial,
                        runs.stream()
                                .map(f -> new FoldOutcome(
                                        f.trialId(),
                                        f.fold(),
                                        f.seed(),
                                        f.status(),
                                        f.error(),
                                        f.epochs().size(),
                                        f.epochs().isEmpty()
                                                ? null
                                                : f.epochs().get(f.epochs().size() - 1)))
                                .toList()));
        Map<Long, TrialLine> lines =
                lines(store, experiment, store.trials().byExperiment(experiment.id()), folds).stream()
                        .collect(Collectors.toMap(TrialLine::id, l -> l));
        return ids.stream().map(lines::get).toList();
    }

    /** A line for every trial; {@code folds} may hold the fold runs of only some of them. */
    private static List<TrialLine> lines(
            Store store, ExperimentRow experiment, List<TrialRow> trials, Map<Long, List<FoldOutcome>> folds) {
        RefitRow refit = store.refits().find(experiment.id()).orElse(null);
        Map<Long, Integer> ranks = Ranking.ranks(trials, experiment.maximize());
        Set<Long> alarming = store.traces().alarmingTrials(experiment.id());
        List<TrialLine> lines = new ArrayList<>(trials.size());
        for (TrialRow t : trials) {
            List<FoldOutcome> own = folds.getOrDefault(t.id(), List.of());
            List<FoldScore> scores = own.stream()
                    .map(f -> new FoldScore(
                            f.fold(),
                            f.status().value(),
                            f.epochs(),
                            f.last() == null ? Double.NaN : f.last().metric(experiment.metric())))
                    .toList();
            TestResult test = refit != null && refit.refit().trialIndex() == t.index()
                    ? new TestResult(
                            refit.refit().status().value(),
                            refit.refit().testAccuracy(),
                            refit.refit().testLoss(),
                            refit.refit().error())
                    : null;
            lines.add(new TrialLine(
                    t.id(),
                    t.index(),
                    ExperimentReport.numbers(t.params()),
                    t.seed(),
                    t.status().value(),
                    t.error(),
                    ShownScore.of(t.score(), experiment.metric()),
                    ranks.get(t.id()),
                    scores,
                    (int) own.stream().filter(f -> f.status() == RunStatus.DONE).count(),
                    own.stream().mapToInt(FoldOutcome::epochs).sum(),
                    test,
                    t.startedAt(),
                    t.finishedAt(),
                    alarming.contains(t.id())));
        }
        return lines;
    }
}
