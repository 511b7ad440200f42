package dev.workbench.cli;

import dev.workbench.bench.BenchOptions;
import dev.workbench.bench.Benchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench bench}: the workbench against PyTorch on this machine, or the scaling table. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {BenchScalingCommand.class, BenchQueueCommand.class, BenchSearchCommand.class},
        description = "Benchmark: throughput of the reference CNN and of the spec's smallest and largest model, and a"
                + " whole experiment, ours against PyTorch as 1 process x N threads and N processes x 1 thread"
                + " (alternating), with ratios against the faster PyTorch and the FLOP ceiling.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BenchSetup setup;

    @Option(
            names = "--images",
            defaultValue = "4000",
            description = "Images per throughput run (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(
            names = "--epochs",
            defaultValue = "2",
            description = "Timed epochs per throughput run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--repeats", defaultValue = "3", description = "Throughput rounds (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(
            names = "--experiments",
            defaultValue = "1",
            description = "Whole-experiment rounds; 0 skips them (default: ${DEFAULT-VALUE}).")
    int experiments;

    @Option(
            names = "--python",
            paramLabel = "PYTHON",
            defaultValue = "/usr/bin/python3",
            description = "Python with torch for the PyTorch side (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--no-pytorch", description = "Measure our side only.")
    boolean noPytorch;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BenchOptions options = new BenchOptions(
                setup.specFile, images, epochs, repeats, experiments, setup.unitCount(), noPytorch ? null : python);
        Path workDir = BenchSetup.workDir();
        new Benchmark(options, Main.class, setup.dataDir, workDir, out).run();
        out.println("(logs and plans: " + workDir + ")");
        out.flush();
        return 0;
    }
}
