package dev.workbench.cli;

import dev.workbench.UserInputException;
import dev.workbench.data.IdxFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench data fetch mnist}: downloads and verifies a dataset. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Manage datasets.",
        subcommands = DataCommand.Fetch.class)
final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code data fetch DATASET}. */
    @Command(
            name = "fetch",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Download a dataset into the data directory and verify its SHA-256 checksums.")
    static final class Fetch implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "DATASET", description = "Dataset name: mnist.")
        String dataset;

        @Override
        public Integer call() {
            if (!"mnist".equals(dataset)) {
                throw new UserInputException("unknown dataset '" + dataset + "' (known: mnist)");
            }
            PrintWriter out = spec.commandLine().getOut();
            IdxFiles files;
            try (ProgressDisplay progress =
                    new ProgressDisplay(spec.commandLine().getErr())) {
                files = store.workbench().fetchMnist(progress::downloading);
            }
            for (Path p : files.all()) {
                out.println(p);
            }
            out.flush();
            return 0;
        }
    }
}
