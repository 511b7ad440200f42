package dev.workbench.cli;

import dev.workbench.bench.SearchBenchOptions;
import dev.workbench.bench.SearchBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench bench search}: how fast our strategies and Optuna + PyTorch reach the grid's best. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Search benchmark: our grid (the reference: its best trial's 95%% interval is the target), our"
                + " random, grid + halving and TPE searches and Optuna + PyTorch (TPE with successive halving on the"
                + " fold mean), alternating, on the same subset and folds; epochs, wall time, best score and when each"
                + " first reached the target. Long at full size (not timed yet): run it on an idle machine.")
final class BenchSearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "Where datasets are kept (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--spec",
            paramLabel = "SPEC",
            defaultValue = "experiments/search-bench.yaml",
            description =
                    "Search space, model, subset and folds; every parameter a values list (default: ${DEFAULT-VALUE}).")
    Path specFile;

    @Option(names = "--units", paramLabel = "N", description = "Units side by side in our runs (default: CPU cores).")
    Integer units;

    @Option(
            names = "--seeds",
            defaultValue = "3",
            description = "Rounds of the seeded strategies (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(
            names = "--trials",
            paramLabel = "N",
            description = "Trials per seeded strategy (default: as many as the grid has configurations).")
    Integer trials;

    @Option(
            names = "--optuna",
            split = ",",
            defaultValue = "tpe-halving",
            description = "Optuna modes: tpe, random or grid, each optionally -halving (default: ${DEFAULT-VALUE}).")
    List<String> optuna;

    @Option(
            names = "--min-epochs",
            defaultValue = "1",
            description = "Successive halving's first rung in epochs: our pruning.min_epochs and Optuna's min_resource"
                    + " (default: ${DEFAULT-VALUE}).")
    int minEpochs;

    @Option(
            names = "--reduction-factor",
            defaultValue = "3",
            description = "Successive halving's reduction factor, ours and Optuna's (default: ${DEFAULT-VALUE}).")
    int reductionFactor;

    @Option(
            names = "--python",
            paramLabel = "PYTHON",
            defaultValue = "/usr/bin/python3",
            description = "Python with optuna and torch for the peer (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--no-optuna", description = "Run our side only.")
    boolean noOptuna;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int unitCount = units == null ? Runtime.getRuntime().availableProcessors() : units;
        SearchBenchOptions options = new SearchBenchOptions(
                specFile, seeds, trials, unitCount, noOptuna ? null : python, optuna, minEpochs, reductionFactor);
        Path workDir = BenchSetup.workDir();
        new SearchBenchmark(options, Main.class, dataDir, workDir, out).run();
        out.println("(logs, specs and plans: " + workDir + ")");
        out.flush();
        return 0;
    }
}
