package dev.workbench.cli;

import dev.workbench.app.SubmitOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench submit SPEC}: stores an experiment and all its units for workers; trains nothing. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validate a spec, read and hash its data, and store the experiment with every unit of work "
                + "(trial x fold, and the refit) in one transaction. Trains nothing: start workers to train it.")
final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "SPEC", description = "Experiment YAML file.")
    Path specFile;

    @Option(names = "--new", description = "Store the spec as a new experiment even if one of that name exists.")
    boolean forceNew;

    @Override
    public Integer call() {
        SubmitOutcome s = store.workbench()
                .submit(specFile, forceNew, new WorkerLog(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        out.println((s.created() ? "Submitted '" : "Already stored: '") + s.experiment() + "' (id " + s.experimentId()
                + "): " + s.units() + " units, " + s.open() + " left to train.");
        if (s.open() > 0) {
            out.println("Start workers on any machine that reaches the database and has the data:");
            out.println("  workbench worker --db '<the same URL>' --experiment " + s.experiment() + " --until-idle");
            out.println("(or set WORKBENCH_DB instead of --db; add --parallel N for N units at a time)");
        }
        out.flush();
        return 0;
    }
}
