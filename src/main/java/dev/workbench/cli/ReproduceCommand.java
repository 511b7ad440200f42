package dev.workbench.cli;

import dev.workbench.UserInputException;
import dev.workbench.app.ReproduceOutcome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench reproduce NAME --trial N}: re-runs a trial and checks it against the stored curves. */
@Command(
        name = "reproduce",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Re-run a trial from its stored spec, seeds and data and compare every epoch's metrics "
                + "with the stored ones, bit for bit. Exit 0 when identical, 1 otherwise; the result is recorded.")
final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "NAME", description = "Experiment name (its latest run).")
    String name;

    @Option(names = "--trial", paramLabel = "N", required = true, description = "Trial index.")
    int trial;

    @Option(names = "--fold", paramLabel = "K", description = "Re-run only this fold (default: every finished fold).")
    Integer fold;

    @Option(
            names = "--parallel",
            paramLabel = "N|auto",
            defaultValue = "auto",
            description = "Folds re-run at once, one thread each (default: auto = CPU cores).")
    String parallel;

    @Override
    public Integer call() {
        if (trial < 0 || (fold != null && fold < 0)) {
            throw new UserInputException("--trial and --fold count from 0");
        }
        ReproduceOutcome outcome;
        try (ProgressDisplay progress = new ProgressDisplay(spec.commandLine().getErr())) {
            outcome = store.workbench().reproduce(name, trial, fold, Parallelism.threads(parallel), progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "%s trial %d%s: %s%n",
                outcome.experiment(),
                outcome.trial(),
                outcome.fold() == null ? "" : " fold " + outcome.fold(),
                outcome.identical() ? "identical" : "different");
        out.println("  " + outcome.detail());
        out.flush();
        return outcome.identical() ? 0 : 1;
    }
}
