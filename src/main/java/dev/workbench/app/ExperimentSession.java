package dev.workbench.app;

import dev.workbench.UserInputException;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.Store;
import dev.workbench.store.WorkQueue;

/**
 * Finds the experiment a run or submit continues, or stores it with its trials and every unit in one
 * transaction before any training starts. A changed spec under an existing name is refused unless a
 * new experiment is asked for. Nothing is deleted: units of an interrupted run are claimed again once
 * their leases expire.
 */
record ExperimentSession(long experimentId, boolean resumed, boolean alreadyDone) {

    static ExperimentSession open(Store store, Submitted submitted, boolean forceNew) {
        ExperimentSpec spec = submitted.spec();
        WorkQueue.Submitted stored = store.queue().submit(submitted.submission(), forceNew);
        if (stored.created()) {
            return new ExperimentSession(stored.experimentId(), false, false);
        }
        ExperimentRow row = store.experiments().byId(stored.experimentId()).orElseThrow();
        if (!row.specHash().equals(submitted.loaded().sha256())) {
            throw new UserInputException(
                    "experiment '" + spec.name() + "' already exists with a different spec (stored "
                            + row.specHash().substring(0, 12) + ", this file "
                            + submitted.loaded().sha256().substring(0, 12)
                            + "); rename it in the spec, or pass --new to store this one as a new experiment");
        }
        if (row.status().finished()) {
            return new ExperimentSession(row.id(), false, true);
        }
        if (store.queue().unitCount(row.id()) == 0) { // stored by a version without the work queue
            store.queue().queueStored(row.id(), submitted.units(), spec.refit(), Submitted.MAX_ATTEMPTS);
        }
        return new ExperimentSession(row.id(), true, false);
    }
}
