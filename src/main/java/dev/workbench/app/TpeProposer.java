package dev.workbench.app;

import dev.workbench.provenance.Seeds;
import dev.workbench.search.TpeSampler;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.store.BatchProposer;
import dev.workbench.store.NewBatch;
import dev.workbench.store.NewTrial;
import dev.workbench.store.NewUnit;
import dev.workbench.store.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TPE's next batch for the work queue: {@code search.tpe.batch} candidates (fewer at the end of
 * {@code max_trials}) from the trials finished so far (a failed trial counts as the worst), seeded like
 * every other candidate (trial seed and fold seeds from the experiment seed and the trial index).
 */
final class TpeProposer implements BatchProposer {

    private final ExperimentSpec spec;
    private final int folds;

    TpeProposer(ExperimentSpec spec, int folds) {
        this.spec = spec;
        this.folds = folds;
    }

    /** The proposer of a TPE experiment; null for grid and random search. */
    static TpeProposer of(ExperimentSpec spec, int folds) {
        return spec.search().strategy() == dev.workbench.spec.SearchSpec.Strategy.TPE
                ? new TpeProposer(spec, folds)
                : null;
    }

    @Override
    public NextBatch propose(int batchIndex, int nextTrialIndex, List<FinishedTrial> finished) {
        int count = Math.min(
                spec.search().tpeOrDefaults().batchOrDefault(), spec.search().maxTrials() - nextTrialIndex);
        if (count <= 0) {
            return null;
        }
        List<TpeSampler.Observation> seen = finished.stream()
                .map(t -> new TpeSampler.Observation(
                        t.index(),
                        t.params(),
                        t.status() == RunStatus.DONE && t.score() != null ? t.score() : Double.NaN))
                .toList();
        List<Map<String, Double>> proposals = new TpeSampler(spec.search())
                .propose(seen, spec.objective().maximize(), spec.seed(), batchIndex, count);
        List<NewTrial> trials = new ArrayList<>();
        List<NewUnit> units = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            int index = nextTrialIndex + i;
            trials.add(new NewTrial(index, proposals.get(i), Seeds.trial(spec.seed(), index)));
            for (int fold = 0; fold < folds; fold++) {
                units.add(new NewUnit(index, fold, Seeds.fold(spec.seed(), index, fold)));
            }
        }
        return new NextBatch(new NewBatch(batchIndex, nextTrialIndex, count, SearchPlan.TPE), trials, units);
    }
}
