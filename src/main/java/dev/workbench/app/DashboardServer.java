package dev.workbench.app;

import java.util.Set;

/**
 * Serves the results over HTTP. The {@code web} package provides the implementation (found with
 * {@link java.util.ServiceLoader}), so that {@code app} and {@code cli} never depend on {@code web}.
 */
public interface DashboardServer {

    /**
     * Starts serving {@code results} on {@code host:port} (port 0: any free port), answering requests whose
     * Host header names the host, a loopback name or one of {@code allowHosts} ({@code *}: any). The returned
     * dashboard owns {@code results} and closes it.
     */
    Running start(Results results, String host, int port, Set<String> allowHosts);

    /** A dashboard being served; close it to stop. */
    interface Running extends AutoCloseable {

        /** The address it serves, e.g. {@code http://127.0.0.1:7070/}. */
        String url();

        /** The port it listens on. */
        int port();

        @Override
        void close();
    }
}
