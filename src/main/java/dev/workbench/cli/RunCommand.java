package dev.workbench.cli;

import dev.workbench.app.DashboardServer;
import dev.workbench.app.PreparedRun;
import dev.workbench.app.RunOptions;
import dev.workbench.app.RunOutcome;
import dev.workbench.app.Workbench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench run SPEC}: runs or resumes an experiment and prints its leaderboard. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run an experiment: every candidate on every fold, curves stored as they happen. "
                + "Running the same spec again resumes an unfinished experiment; several runs of one spec on one "
                + "database (or workers, see 'worker') share its units.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "SPEC", description = "Experiment YAML file, e.g. experiments/cnn-grid.yaml.")
    Path specFile;

    @Option(
            names = "--parallel",
            paramLabel = "N|auto",
            defaultValue = "auto",
            description = "Units (trial x fold) trained at once, one thread each (default: auto = CPU cores).")
    String parallel;

    @Option(
            names = "--lease",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "Lease of each claimed unit: a unit whose worker stops renewing it is taken over by another "
                    + "worker after this long (default: ${DEFAULT-VALUE}).")
    int lease;

    @Option(names = "--new", description = "Store the spec as a new experiment even if one of that name exists.")
    boolean forceNew;

    @Option(
            names = "--serve",
            description = "Serve the dashboard while running (--port, --host) so curves can be "
                    + "watched as they grow; it keeps serving after the run until Ctrl+C.")
    boolean serve;

    @Mixin
    ServeOptions serveOptions;

    @Override
    public Integer call() {
        Workbench workbench = store.workbench();
        RunOptions options = new RunOptions(Parallelism.threads(parallel), forceNew, Parallelism.lease(lease));
        PrintWriter err = spec.commandLine().getErr();
        RunOutcome outcome;
        DashboardServer.Running dashboard = null;
        try {
            try (ProgressDisplay progress = new ProgressDisplay(err)) {
                // the spec is parsed and the data read once; a rejected spec starts no server and creates no database
                PreparedRun prepared = workbench.prepare(specFile, options.parallel(), progress);
                if (serve) {
                    dashboard = serveOptions.start(workbench, false);
                    err.println("Dashboard: " + dashboard.url());
                    err.flush();
                }
                outcome = workbench.run(prepared, options, progress);
            }
            int code = report(outcome);
            if (dashboard != null) {
                err.println("Run ended; the dashboard is still serving at " + dashboard.url() + "  (Ctrl+C to stop)");
                err.flush();
                ServeOptions.awaitStop();
            }
            return code;
        } finally {
            if (dashboard != null) {
                dashboard.close();
            }
        }
    }

    private int report(RunOutcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        if (outcome.alreadyDone()) {
            out.println("Experiment '" + outcome.report().experiment().name()
                    + "' is already complete; pass --new to run it again as a new experiment.");
        }
        new Leaderboard(out).print(outcome.report());
        out.flush();
        return "failed".equals(outcome.report().experiment().status()) ? 1 : 0;
    }
}
