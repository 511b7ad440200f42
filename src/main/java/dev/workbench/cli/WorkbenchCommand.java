package dev.workbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code workbench}: the top-level command; prints usage when called without a subcommand. */
@Command(
        name = "workbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Cross-validated hyperparameter search for convolutional networks on Deeplearning4j.",
        subcommands = {
            RunCommand.class,
            SubmitCommand.class,
            WorkerCommand.class,
            ListCommand.class,
            ShowCommand.class,
            DataCommand.class,
            ExportCommand.class,
            PredictCommand.class,
            ReproduceCommand.class,
            ServeCommand.class,
            BenchCommand.class
        })
final class WorkbenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
