package dev.workbench.app;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.ParamSpec;
import dev.workbench.spec.SearchSpec;
import dev.workbench.store.FoldProgressRow;
import dev.workbench.store.RungRow;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.store.UnitKind;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A run's listener that also tells its delegate how many epochs the run trains in all ({@link EpochPlan}): at the
 * start, and again, with the epochs stored so far by any process serving the experiment, after every unit the run
 * ends (a rung that pruned trials, a fold that stopped early, a refit whose epochs are now known) and at its end,
 * so a progress bar ends at exactly 100% and its ETA counts only real work.
 */
final class PlannedProgress implements RunListener {

    private final RunListener delegate;
    private final Store store;
    private final ExperimentSpec spec;
    private final long experimentId;
    private long keptAtStart;

    PlannedProgress(RunListener delegate, Store store, ExperimentSpec spec, long experimentId) {
        this.delegate = delegate;
        this.store = store;
        this.spec = spec;
        this.experimentId = experimentId;
    }

    /** Announces the run with the epochs it will train. */
    synchronized void start(boolean resumed, int pendingUnits, int doneUnits) {
        EpochPlan plan = plan();
        keptAtStart = plan.kept();
        delegate.started(spec.name(), resumed, pendingUnits, doneUnits, plan.left());
    }

    @Override
    public synchronized void unit(String line) {
        delegate.unit(line);
        refresh();
    }

    /** Tells the delegate the plan as stored now. */
    synchronized void refresh() {
        EpochPlan plan = plan();
        delegate.planned(plan.trained() - keptAtStart, plan.total() - keptAtStart);
    }

    /** The experiment's plan as stored now. */
    EpochPlan plan() {
        Map<Integer, TrialRow> trials = store.trials().byExperiment(experimentId).stream()
                .collect(Collectors.toMap(TrialRow::index, Function.identity()));
        List<EpochPlan.Fold> folds = store.units().foldProgress(experimentId).stream()
                .map(r -> fold(r, trials.get(r.trialIndex())))
                .toList();
        int perTrial = spec.cv().folds();
        return EpochPlan.of(
                folds, perTrial, halving(), futureTrials(trials.size()) * perTrial * maxEpochs(), refit(folds));
    }

    private EpochPlan.Fold fold(FoldProgressRow r, TrialRow trial) {
        int epochs = spec.training().epochs().resolveInt(trial.params());
        return new EpochPlan.Fold(
                r.trialIndex(), r.trialAlive(), r.settled(), r.resumeEpoch(), r.storedEpochs(), epochs);
    }

    private EpochPlan.Halving halving() {
        if (spec.search().pruning() == null) {
            return null;
        }
        List<Integer> open = store.search().rungs(experimentId).stream()
                .filter(r -> "open".equals(r.state()))
                .map(RungRow::epoch)
                .toList();
        return new EpochPlan.Halving(open, spec.search().pruning().reductionFactorOrDefault(), maxEpochs());
    }

    /** TPE trials still to be proposed. */
    private long futureTrials(int stored) {
        SearchSpec search = spec.search();
        return search.strategy() == SearchSpec.Strategy.TPE ? Math.max(0, search.maxTrials() - stored) : 0;
    }

    /** {@code training.epochs}, or the largest value of the parameter it names. */
    private int maxEpochs() {
        var epochs = spec.training().epochs();
        if (epochs.reference().isEmpty()) {
            return epochs.resolveInt(Map.of());
        }
        ParamSpec p = spec.search().parameters().get(epochs.reference().get());
        double max = p.isList()
                ? p.values().stream().mapToDouble(Double::doubleValue).max().orElse(1)
                : p.max();
        return (int) Math.round(max);
    }

    /** The refit's epochs: as stored once over, the best trial's once the search is over, else the most. */
    private EpochPlan.Refit refit(List<EpochPlan.Fold> folds) {
        var unit = store.units().byExperiment(experimentId).stream()
                .filter(u -> u.kind() == UnitKind.REFIT)
                .findFirst();
        if (!spec.refit() || unit.isEmpty()) {
            return EpochPlan.Refit.NONE;
        }
        if (List.of("done", "failed").contains(unit.get().state())) {
            return new EpochPlan.Refit(
                    store.refits()
                            .find(experimentId)
                            .map(r -> r.refit().epochs())
                            .orElse(0),
                    true);
        }
        if (folds.stream().allMatch(EpochPlan.Fold::settled)) {
            return new EpochPlan.Refit(
                    Ranking.best(store, experimentId)
                            .map(best -> Math.round(folds.stream()
                                    .filter(f -> f.trialIndex() == best.index())
                                    .mapToInt(EpochPlan.Fold::storedEpochs)
                                    .average()
                                    .orElse(1)))
                            .orElse(0L),
                    false);
        }
        return new EpochPlan.Refit(maxEpochs(), false);
    }

    @Override
    public void backend(String description) {
        delegate.backend(description);
    }

    @Override
    public void downloading(long bytes, long total) {
        delegate.downloading(bytes, total);
    }

    @Override
    public void epoch(int trial, int fold, EpochMetrics metrics) {
        delegate.epoch(trial, fold, metrics);
    }

    @Override
    public void warning(String message) {
        delegate.warning(message);
    }

    @Override
    public void trialFailed(int trial, String error) {
        delegate.trialFailed(trial, error);
    }
}
