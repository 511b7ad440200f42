package dev.workbench.app;

import dev.workbench.UserInputException;
import dev.workbench.provenance.Seeds;
import dev.workbench.search.Candidate;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.LoadedSpec;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.NewExperiment;
import dev.workbench.store.NewTrial;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import java.util.List;
import java.util.Optional;

/**
 * Finds the experiment a run continues, or creates it with its full candidate list before any
 * training starts. A changed spec under an existing name is refused unless a new experiment is asked for.
 */
record ExperimentSession(long experimentId, boolean resumed, boolean alreadyDone) {

    static ExperimentSession open(Store store, LoadedSpec loaded, List<Candidate> candidates, boolean forceNew) {
        ExperimentSpec spec = loaded.spec();
        Optional<ExperimentRow> existing = forceNew ? Optional.empty() : store.experiments().latestByName(spec.name());
        if (existing.isEmpty()) {
            return new ExperimentSession(create(store, loaded, candidates), false, false);
        }
        ExperimentRow row = existing.get();
        if (!row.specHash().equals(loaded.sha256())) {
            throw new UserInputException("experiment '" + spec.name() + "' already exists with a different spec (stored "
                    + row.specHash().substring(0, 12) + ", this file " + loaded.sha256().substring(0, 12)
                    + "); rename it in the spec, or pass --new to store this one as a new experiment");
        }
        if (row.status() == RunStatus.DONE) {
            return new ExperimentSession(row.id(), false, true);
        }
        store.foldRuns().deleteUnfinished(row.id());
        store.trials().requeueUnfinished(row.id());
        store.experiments().markRunning(row.id());
        return new ExperimentSession(row.id(), true, false);
    }

    private static long create(Store store, LoadedSpec loaded, List<Candidate> candidates) {
        ExperimentSpec spec = loaded.spec();
        long id = store.experiments().create(new NewExperiment(spec.name(), loaded.sha256(), loaded.canonicalJson(),
                loaded.yaml(), spec.seed(), spec.search().strategy().name().toLowerCase(), spec.objective().metric(),
                spec.objective().goal().name().toLowerCase()));
        store.trials().insertAll(id, candidates.stream()
                .map(c -> new NewTrial(c.index(), c.params(), Seeds.trial(spec.seed(), c.index())))
                .toList());
        return id;
    }
}
