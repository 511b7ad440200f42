package dev.workbench.store;

import java.util.List;
import java.util.Map;

/**
 * Proposes a search's next batch of trials from the trials finished so far (TPE). Called inside the
 * transaction that finished the last unit of the previous batch, so exactly once per batch, whatever the
 * number of workers; it must depend on its arguments alone.
 */
@FunctionalInterface
public interface BatchProposer {

    /** The next batch, or null when the search has all its trials. */
    NextBatch propose(int batchIndex, int nextTrialIndex, List<FinishedTrial> finished);

    /** A trial of an earlier batch: done (with its score), failed or pruned. */
    record FinishedTrial(int index, Map<String, Double> params, RunStatus status, Double score) {}

    /** New trials, their units and the batch row that records who proposed them. */
    record NextBatch(NewBatch batch, List<NewTrial> trials, List<NewUnit> units) {
        public NextBatch {
            trials = List.copyOf(trials);
            units = List.copyOf(units);
        }
    }
}
