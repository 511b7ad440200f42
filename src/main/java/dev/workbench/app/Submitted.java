package dev.workbench.app;

import dev.workbench.backend.BackendSelector;
import dev.workbench.provenance.BackendInfo;
import dev.workbench.provenance.RunProvenance;
import dev.workbench.provenance.Seeds;
import dev.workbench.search.Candidate;
import dev.workbench.search.CandidateGenerator;
import dev.workbench.search.HalvingSchedule;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.LoadedSpec;
import dev.workbench.spec.PruningSpec;
import dev.workbench.spec.SpecLoader;
import dev.workbench.store.NewExperiment;
import dev.workbench.store.NewRung;
import dev.workbench.store.NewTrial;
import dev.workbench.store.NewUnit;
import dev.workbench.store.Submission;
import dev.workbench.train.TrainRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A spec validated, its candidates generated and its data read and hashed: everything needed to store the
 * experiment with all its units, before anything is written.
 */
record Submitted(
        LoadedSpec loaded,
        List<Candidate> candidates,
        PreparedData data,
        BackendInfo backend,
        RunProvenance provenance) {

    /** Unit claims that may die or throw before a unit fails. */
    static final int MAX_ATTEMPTS = 3;

    static Submitted prepare(Path specFile, Path dataDir, int parallel, RunListener listener) {
        LoadedSpec loaded = new SpecLoader().load(specFile);
        ExperimentSpec spec = loaded.spec();
        List<Candidate> candidates = CandidateGenerator.generate(spec.search(), spec.seed());
        BackendInfo info = BackendSelector.fromEnvironment().prepare();
        PreparedData data = PreparedData.prepare(spec, dataDir, listener::downloading);
        RunProvenance provenance =
                RunProvenance.starting(loaded.sha256(), info, parallel, data.fileHashes(), data.foldHash());
        return new Submitted(loaded, candidates, data, info, provenance);
    }

    ExperimentSpec spec() {
        return loaded.spec();
    }

    /** Every (trial, fold) unit with its fold seed, trial-major. */
    List<NewUnit> units() {
        List<NewUnit> units = new ArrayList<>();
        for (Candidate c : candidates) {
            for (int fold = 0; fold < data.folds(); fold++) {
                units.add(new NewUnit(c.index(), fold, Seeds.fold(spec().seed(), c.index(), fold)));
            }
        }
        return units;
    }

    /** The experiment, its trials and units, as stored in one transaction. */
    Submission submission() {
        ExperimentSpec spec = spec();
        NewExperiment experiment = new NewExperiment(
                spec.name(),
                loaded.sha256(),
                loaded.canonicalJson(),
                loaded.yaml(),
                spec.seed(),
                spec.search().strategy().name().toLowerCase(),
                spec.objective().metric(),
                spec.objective().goal().name().toLowerCase(),
                TrainRequest.INFERENCE_BATCH,
                TrainRequest.KERNELS);
        List<NewTrial> trials = candidates.stream()
                .map(c -> new NewTrial(c.index(), c.params(), Seeds.trial(spec.seed(), c.index())))
                .toList();
        return new Submission(
                experiment,
                new ProvenanceJson().write(provenance),
                trials,
                units(),
                spec.refit(),
                MAX_ATTEMPTS,
                rungs(),
                SearchPlan.firstBatch(spec.search(), candidates.size()));
    }

    /** Successive halving's barriers (none without {@code search.pruning}). */
    List<NewRung> rungs() {
        PruningSpec pruning = spec().search().pruning();
        if (pruning == null) {
            return List.of();
        }
        List<Integer> epochs =
                HalvingSchedule.rungs(pruning, spec().training().epochs().resolveInt(Map.of()));
        List<NewRung> rungs = new ArrayList<>();
        for (int k = 0; k < epochs.size(); k++) {
            rungs.add(new NewRung(
                    k,
                    epochs.get(k),
                    k + 1 < epochs.size() ? epochs.get(k + 1) : null,
                    pruning.reductionFactorOrDefault()));
        }
        return rungs;
    }
}
