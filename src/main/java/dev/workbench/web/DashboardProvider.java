package dev.workbench.web;

import dev.workbench.app.DashboardServer;
import dev.workbench.app.Results;
import java.util.Set;

/** The Javalin dashboard, as {@code app} finds it ({@code META-INF/services/dev.workbench.app.DashboardServer}). */
public final class DashboardProvider implements DashboardServer {

    @Override
    public Running start(Results results, String host, int port, Set<String> allowHosts) {
        return Dashboard.serve(results, host, port, allowHosts);
    }
}
