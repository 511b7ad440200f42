package dev.workbench.cli;

import dev.workbench.bench.Scaling;
import dev.workbench.bench.ScalingOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench bench scaling}: how wall time grows with trials, folds, epochs and images. */
@Command(
        name = "scaling",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Scaling table: wall time of whole experiments as trials, folds, epochs and training images"
                + " grow, one axis at a time around the middle values. About 12 minutes with the defaults.")
final class BenchScalingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BenchSetup setup;

    @Option(
            names = "--trials",
            split = ",",
            defaultValue = "4,8,16",
            description = "Trial counts (default: ${DEFAULT-VALUE}).")
    List<Integer> trials;

    @Option(
            names = "--folds",
            split = ",",
            defaultValue = "2,3,5",
            description = "Fold counts (default: ${DEFAULT-VALUE}).")
    List<Integer> folds;

    @Option(
            names = "--epochs",
            split = ",",
            defaultValue = "1,2,4",
            description = "Epochs per unit (default: ${DEFAULT-VALUE}).")
    List<Integer> epochs;

    @Option(
            names = "--images",
            split = ",",
            defaultValue = "3000,6000,12000",
            description = "Training images (default: ${DEFAULT-VALUE}).")
    List<Integer> images;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path workDir = BenchSetup.workDir();
        ScalingOptions options = new ScalingOptions(setup.specFile, trials, folds, epochs, images, setup.unitCount());
        new Scaling(options, Main.class, setup.dataDir, workDir, out).run();
        out.println("(logs and specs: " + workDir + ")");
        out.flush();
        return 0;
    }
}
