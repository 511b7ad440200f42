package dev.workbench.app;

import dev.workbench.UserInputException;
import dev.workbench.app.TrialLines.FoldScore;
import dev.workbench.app.TrialLines.TrialLine;
import dev.workbench.app.TrialView.ExperimentRef;
import dev.workbench.metrics.ConfusionMatrix;
import dev.workbench.metrics.ConfusionSummary;
import dev.workbench.metrics.PairedComparison;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two or more trials of one experiment side by side: parameter differences, scores, and a paired
 * t-test of each against the best of them on the folds both finished.
 */
public final class CompareView {

    /**
     * @param reference id of the trial the others are tested against: the best-ranked of them, or the
     *                  first when none has a score yet
     */
    public record Page(
            ExperimentRef experiment,
            List<TrialLine> trials,
            List<ParamRow> params,
            long reference,
            List<Comparison> tests,
            List<ConfusionSummary> outOfFold) {}

    /** One parameter's value in each trial, in the order of {@code trials}. */
    public record ParamRow(String name, List<Number> values, boolean differs) {}

    /** The paired test of {@code other} against {@code reference}: difference = reference - other. */
    public record Comparison(long reference, long other, List<Integer> folds, PairedComparison test) {}

    private CompareView() {}

    static Page of(Store store, List<Long> trialIds) {
        List<TrialRow> rows = new ArrayList<>();
        for (long id : trialIds) {
            rows.add(store.trials().byId(id).orElseThrow(() -> new NotFoundException("no trial with id " + id)));
        }
        long experimentId = rows.get(0).experimentId();
        rows.stream().filter(r -> r.experimentId() != experimentId).findFirst().ifPresent(r -> {
            throw new UserInputException("trials: trial " + r.id() + " belongs to experiment " + r.experimentId()
                    + ", not " + experimentId + "; only trials of one experiment share folds");
        });
        ExperimentRow e = ExperimentView.experiment(store, experimentId);
        List<TrialLine> trials = TrialLines.of(store, e, trialIds);
        TrialLine reference = trials.stream()
                .filter(t -> t.rank() != null)
                .min(Comparator.comparingInt(TrialLine::rank))
                .orElse(trials.get(0));
        List<Comparison> tests = trials.stream()
                .filter(t -> t != reference)
                .map(t -> compare(reference, t))
                .toList();
        Map<Long, List<FoldRunRow>> folds = store.foldRuns().byTrials(trialIds);
        Map<Long, ConfusionMatrix> confusions = store.traces()
                .confusions(folds.values().stream()
                        .flatMap(List::stream)
                        .map(FoldRunRow::id)
                        .toList());
        List<ConfusionSummary> outOfFold = trialIds.stream()
                .map(id -> Traces.outOfFold(folds.getOrDefault(id, List.of()), confusions))
                .toList();
        return new Page(TrialView.ref(e), trials, params(trials), reference.id(), tests, outOfFold);
    }

    private static List<ParamRow> params(List<TrialLine> trials) {
        Set<String> names = new LinkedHashSet<>();
        trials.forEach(t -> names.addAll(t.params().keySet()));
        return names.stream()
                .map(name -> {
                    List<Number> values =
                            trials.stream().map(t -> t.params().get(name)).toList();
                    boolean differs = values.stream()
                                    .map(v -> v == null ? null : v.doubleValue())
                                    .distinct()
                                    .count()
                            > 1;
                    return new ParamRow(name, values, differs);
                })
                .toList();
    }

    /** Pairs the folds both trials finished with a finite score. */
    private static Comparison compare(TrialLine reference, TrialLine other) {
        List<Integer> folds = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (FoldScore f : reference.foldScores()) {
            other.foldScores().stream()
                    .filter(g -> g.fold() == f.fold())
                    .findFirst()
                    .filter(g -> done(f) && done(g))
                    .ifPresent(g -> {
                        folds.add(f.fold());
                        a.add(f.value());
                        b.add(g.value());
                    });
        }
        return new Comparison(reference.id(), other.id(), folds, PairedComparison.of(a, b));
    }

    private static boolean done(FoldScore f) {
        return Objects.equals(f.status(), "done") && Double.isFinite(f.value());
    }
}
