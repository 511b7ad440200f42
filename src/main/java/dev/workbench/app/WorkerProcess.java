package dev.workbench.app;

import dev.workbench.provenance.BackendInfo;
import dev.workbench.store.Store;
import dev.workbench.store.WorkerIdentity;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Runs a {@link Worker} as this process's worker, named {@code host:pid}: its claims are given back to
 * the queue when the process is stopped (Ctrl+C, SIGTERM), so other workers need not wait for the lease.
 */
final class WorkerProcess {

    private WorkerProcess() {}

    static WorkerReport run(
            Store store,
            ServedExperiments served,
            WorkerOptions options,
            Long onlyExperiment,
            BackendInfo backend,
            RunListener listener) {
        WorkerIdentity identity = new WorkerIdentity(name(), "main", backend.summary(), backend.nativeBuild());
        UnitTrainer trainer = new UnitTrainer(store, backend, options.threads(), listener);
        Worker worker = new Worker(store, served, identity, options, onlyExperiment, trainer, listener);
        Thread release = new Thread(worker::stop, "release-claims");
        Runtime.getRuntime().addShutdownHook(release);
        try {
            return worker.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(release);
            } catch (IllegalStateException e) {
                // the process is shutting down: the hook is running
            }
        }
    }

    /** {@code host:pid} of this process. */
    static String name() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
