package dev.workbench.app;

import dev.workbench.store.RungRow;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.store.TrialSearchRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What adaptive search decided for one experiment, for the API: its rungs (successive halving) and, per trial,
 * its status, the rung where it was pruned, its score at the last rung it was ranked at, and the TPE batch and
 * model that proposed it. Empty lists and nulls for a plain grid or random search.
 *
 * @param rungs  in order
 * @param trials in index order
 */
public record SearchState(long experimentId, String strategy, List<Rung> rungs, List<Trial> trials) {

    public SearchState {
        rungs = List.copyOf(rungs);
        trials = List.copyOf(trials);
    }

    /** A rung barrier: {@code ranked} and {@code kept} are null while it is open. */
    public record Rung(
            int index, int epoch, Integer nextEpoch, int reductionFactor, String state, Integer ranked, Integer kept) {}

    /**
     * One trial's part in the search.
     *
     * @param rungEpoch the last rung it was ranked at (null: never ranked); {@code rungScore} its fold-mean objective there
     * @param batch     the TPE batch that proposed it, {@code proposedBy} its model ({@code random} or {@code tpe})
     */
    public record Trial(
            long id,
            int index,
            String status,
            Integer prunedAtEpoch,
            Integer rungEpoch,
            Double rungScore,
            Integer batch,
            String proposedBy) {}

    /** The search state of an experiment, or empty when there is no such experiment. */
    public static Optional<SearchState> of(Store store, long experimentId) {
        return store.experiments().byId(experimentId).map(e -> {
            Map<Long, TrialRow> rows = store.trials().byExperiment(experimentId).stream()
                    .collect(Collectors.toMap(TrialRow::id, Function.identity()));
            List<Trial> trials = new ArrayList<>();
            for (TrialSearchRow t : store.search().trials(experimentId)) {
                trials.add(new Trial(
                        t.trialId(),
                        t.trialIndex(),
                        rows.get(t.trialId()).status().value(),
                        t.prunedAtEpoch(),
                        t.rungEpoch(),
                        t.rungScore(),
                        t.batchIndex(),
                        t.proposer()));
            }
            List<Rung> rungs = store.search().rungs(experimentId).stream()
                    .map((RungRow r) -> new Rung(
                            r.index(), r.epoch(), r.nextEpoch(), r.reductionFactor(), r.state(), r.ranked(), r.kept()))
                    .toList();
            return new SearchState(experimentId, e.strategy(), rungs, trials);
        });
    }
}
