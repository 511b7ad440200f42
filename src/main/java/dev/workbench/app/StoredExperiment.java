package dev.workbench.app;

import dev.workbench.UserInputException;
import dev.workbench.backend.BackendSelector;
import dev.workbench.provenance.BackendInfo;
import dev.workbench.provenance.ProvenanceCheck;
import dev.workbench.provenance.RunProvenance;
import dev.workbench.spec.LoadedSpec;
import dev.workbench.spec.SpecLoader;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import java.nio.file.Path;

/**
 * A stored experiment made ready to train again: its spec parsed from the stored YAML, its data loaded
 * as a run would, and this process's provenance. Before anything trains, the listener is warned about
 * every difference from the stored provenance that can change results (dataset files, fold assignment,
 * library versions, native build and thread count) and about a spec whose hash no longer matches.
 */
record StoredExperiment(
        ExperimentRow row, LoadedSpec spec, PreparedData data, RunProvenance stored, RunProvenance now) {

    static StoredExperiment open(Store store, String name, Path dataDir, int parallel, RunListener listener) {
        BackendInfo info = BackendSelector.fromEnvironment().prepare();
        ExperimentRow row = store.experiments().requireLatestByName(name);
        LoadedSpec spec = new SpecLoader().parse(row.specYaml(), "stored spec of '" + name + "'");
        if (!spec.sha256().equals(row.specHash())) {
            listener.warning("the stored spec now hashes to " + spec.sha256().substring(0, 12) + "..., not the stored "
                    + row.specHash().substring(0, 12) + "... (the spec format changed since it was run)");
        }
        PreparedData data = PreparedData.prepare(spec.spec(), dataDir, listener::downloading);
        RunProvenance now = RunProvenance.starting(spec.sha256(), info, parallel, data.fileHashes(), data.foldHash());
        RunProvenance stored = new ProvenanceJson().run(row.provenanceJson());
        if (stored == null) {
            listener.warning(
                    "experiment '" + name + "' has no stored provenance: data and library versions cannot be checked");
        } else {
            ProvenanceCheck.differences(stored, now).forEach(listener::warning);
        }
        return new StoredExperiment(row, spec, data, stored, now);
    }

    /** The trial with that index, or a user error naming the valid range. */
    TrialRow trial(Store store, int index) {
        return store.trials()
                .byIndex(row.id(), index)
                .orElseThrow(() -> new UserInputException("experiment '"
                        + row.name() + "' has no trial " + index + " (it has "
                        + store.trials().byExperiment(row.id()).size()
                        + " trials, numbered from 0)"));
    }
}
