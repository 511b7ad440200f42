package dev.workbench.cli;

import dev.workbench.UserInputException;
import dev.workbench.app.QueueBenchmark;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench bench queue}: how fast the results database hands out units and takes epoch rows. */
@Command(
        name = "queue",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Work-queue throughput on a database (use a PostgreSQL one for the figures that matter): "
                + "claims per second and claim latency of no-op units with many concurrent claimers, fenced "
                + "epoch-row writes per second, and how many workers with one-minute units one database can feed. "
                + "Its experiments are deleted afterwards.")
final class BenchQueueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(
            names = "--claimers",
            defaultValue = "64",
            description = "Concurrent claiming threads (default: ${DEFAULT-VALUE}).")
    int claimers;

    @Option(names = "--units", defaultValue = "5000", description = "No-op units to claim (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(
            names = "--epochs",
            defaultValue = "10",
            description = "Epoch rows per unit in the write test " + "(default: ${DEFAULT-VALUE}).")
    int epochs;

    @Override
    public Integer call() {
        if (claimers < 1 || units < 1 || epochs < 1) {
            throw new UserInputException("--claimers, --units and --epochs must be at least 1");
        }
        QueueBenchmark.Result r = store.workbench().benchQueue(claimers, units, epochs);
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(
                Locale.ROOT,
                "claimers %d, no-op units %d%n"
                        + "claims per second (claim + finish): %.0f%n"
                        + "claim latency: p50 %.1f ms, p99 %.1f ms%n"
                        + "fenced epoch-row writes per second: %.0f%n"
                        + "workers one database can feed with one-minute units (%d epochs + 4 heartbeats each): %d",
                r.claimers(),
                r.units(),
                r.claimsPerSecond(),
                r.claimP50Millis(),
                r.claimP99Millis(),
                r.epochWritesPerSecond(),
                r.epochsPerUnit(),
                r.workersPerDatabase()));
        out.flush();
        return 0;
    }
}
