package dev.workbench.cli;

import dev.workbench.app.WorkerOptions;
import dev.workbench.app.WorkerReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench worker}: claims and trains units of submitted experiments. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Claim and train units of every experiment with work left (or only --experiment NAME), "
                + "writing each epoch to the database. Checks its data files against each experiment's before "
                + "claiming. Waits for new work until Ctrl+C (which gives its units back), or with --until-idle "
                + "exits once every unit is done or failed.")
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(
            names = "--parallel",
            paramLabel = "N|auto",
            defaultValue = "auto",
            description = "Units trained at once, one thread each (default: auto = CPU cores).")
    String parallel;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Serve only experiments of this name.")
    String experiment;

    @Option(
            names = "--until-idle",
            description = "Exit once every unit of the served experiments is done or failed "
                    + "(waiting while other workers hold units, and taking over any whose lease expires).")
    boolean untilIdle;

    @Option(
            names = "--lease",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "Lease of each claim, renewed by a heartbeat; another worker takes a unit over once its "
                    + "lease expires (default: ${DEFAULT-VALUE}).")
    int lease;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        WorkerOptions options =
                new WorkerOptions(Parallelism.threads(parallel), experiment, untilIdle, Parallelism.lease(lease));
        WorkerReport r = store.workbench().work(options, new WorkerLog(err));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Worker finished: " + r.done() + " units done, " + r.retried() + " retried, " + r.failed()
                + " failed, " + r.abandoned() + " abandoned (taken over by another worker).");
        r.rejected().forEach(line -> out.println("Not served: " + line));
        out.flush();
        return r.rejected().isEmpty() ? 0 : 1;
    }
}
