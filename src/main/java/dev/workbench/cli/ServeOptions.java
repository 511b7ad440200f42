package dev.workbench.cli;

import dev.workbench.UserInputException;
import dev.workbench.app.DashboardServer;
import dev.workbench.app.Workbench;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Option;

/** Where the dashboard listens, shared by {@code serve} and {@code run --serve}. */
final class ServeOptions {

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "7070",
            description = "Dashboard port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address the dashboard binds to (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(
            names = "--allow-host",
            paramLabel = "NAME",
            split = ",",
            description = "Also answer requests for this host name (besides localhost, 127.0.0.1, [::1] and --host); "
                    + "'*' answers any. Other Host headers get 421 (a guard against DNS rebinding).")
    java.util.Set<String> allowHosts = new java.util.TreeSet<>();

    /** Starts the dashboard on the workbench's database. */
    DashboardServer.Running start(Workbench workbench, boolean mustExist) {
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port: expected 0 to 65535, got " + port);
        }
        return workbench.serve(host, port, mustExist, allowHosts);
    }

    /**
     * Blocks until the process is stopped (Ctrl+C) or this thread is interrupted. The interrupt is the
     * request to stop serving and is consumed here, so the dashboard can then shut down cleanly.
     */
    static void awaitStop() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // asked to stop: return and let the caller close the dashboard
        }
    }
}
