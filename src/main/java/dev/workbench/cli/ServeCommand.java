package dev.workbench.cli;

import dev.workbench.app.DashboardServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code workbench serve}: the read-only dashboard on an existing results database. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Serve the dashboard (read-only) on the results database until Ctrl+C.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ServeOptions serve;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (DashboardServer.Running dashboard = serve.start(store.workbench(), true)) {
            out.println("Dashboard: " + dashboard.url() + "  (Ctrl+C to stop)");
            out.flush();
            ServeOptions.awaitStop();
        }
        return 0;
    }
}
