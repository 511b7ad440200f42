package dev.workbench.web;

import dev.workbench.UserInputException;
import dev.workbench.WorkbenchException;
import dev.workbench.app.DashboardServer;
import dev.workbench.app.Results;
import io.javalin.Javalin;
import java.util.Set;

/** A running dashboard on its own connection pool to the results database; close it to stop serving. */
public final class Dashboard implements DashboardServer.Running {

    private final Results results;
    private final Javalin app;
    private final String url;

    private Dashboard(Results results, Javalin app, String url) {
        this.results = results;
        this.app = app;
        this.url = url;
    }

    /**
     * Serves the results database at {@code dbUrl} on {@code host:port} (port 0: any free port).
     *
     * @param mustExist open an existing database as it is (never created or migrated);
     *                  false when a run about to start creates or migrates it
     * @throws UserInputException  when {@code mustExist} and the database does not exist or needs upgrading
     * @throws WorkbenchException when the database cannot be opened or the address cannot be bound
     */
    public static Dashboard start(String dbUrl, String host, int port, boolean mustExist) {
        return start(dbUrl, host, port, mustExist, Set.of());
    }

    /** As {@link #start(String, String, int, boolean)}, also answering to the host names {@code allowHosts}. */
    public static Dashboard start(String dbUrl, String host, int port, boolean mustExist, Set<String> allowHosts) {
        return serve(Results.open(dbUrl, mustExist), host, port, allowHosts);
    }

    /** Serves {@code results}, which the dashboard then owns and closes. */
    static Dashboard serve(Results results, String host, int port, Set<String> allowHosts) {
        Javalin app = DashboardApp.create(results, host, allowHosts);
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            results.close();
            throw new WorkbenchException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return new Dashboard(results, app, "http://" + shownHost + ":" + app.port() + "/");
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        results.close();
    }
}
