package dev.workbench.app;

import dev.workbench.metrics.ConfusionMatrix;
import dev.workbench.metrics.ConfusionSummary;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.StepMetrics;
import dev.workbench.store.ExperimentDetail;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TestDiagnosisRow;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training views of an experiment, read for reports: steps, weight spreads and validation confusion
 * matrices by fold run id, the trials with alarming weights, and the test diagnoses of its refit and exports.
 */
public record Traces(
        Map<Long, List<StepMetrics>> steps,
        Map<Long, List<LayerSpread>> weights,
        Map<Long, ConfusionMatrix> confusions,
        Set<Long> alarmingTrials,
        List<TestDiagnosisRow> tests) {

    public Traces {
        steps = Map.copyOf(steps);
        weights = Map.copyOf(weights);
        confusions = Map.copyOf(confusions);
        alarmingTrials = Set.copyOf(alarmingTrials);
        tests = List.copyOf(tests);
    }

    static Traces load(Store store, ExperimentDetail detail) {
        long id = detail.experiment().id();
        List<Long> runs = detail.trials().stream()
                .flatMap(t -> t.folds().stream())
                .map(FoldRunRow::id)
                .toList();
        List<TestDiagnosisRow> tests = new java.util.ArrayList<>();
        store.diagnoses().ofRefit(id).ifPresent(tests::add);
        store.exports()
                .byExperiment(id)
                .forEach(x -> store.diagnoses().ofExport(x.id()).ifPresent(tests::add));
        return new Traces(
                store.traces().steps(runs),
                store.traces().spreads(runs),
                store.traces().confusions(runs),
                store.traces().alarmingTrials(id),
                tests);
    }

    /**
     * The out-of-fold confusion matrix of a trial: the sum of its folds' validation matrices at their last
     * epoch, so every training row is counted once; null unless every fold is done and stored one.
     */
    public static ConfusionSummary outOfFold(List<FoldRunRow> folds, Map<Long, ConfusionMatrix> confusions) {
        if (folds.isEmpty()
                || !folds.stream().allMatch(f -> f.status() == RunStatus.DONE && confusions.containsKey(f.id()))) {
            return null;
        }
        return ConfusionSummary.sum(
                folds.stream().map(f -> confusions.get(f.id())).toList());
    }
}
