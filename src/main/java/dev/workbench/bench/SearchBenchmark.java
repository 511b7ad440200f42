package dev.workbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workbench.app.SearchTimeline;
import dev.workbench.data.IdxFiles;
import dev.workbench.spec.LoadedSpec;
import dev.workbench.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * {@code workbench bench search}: how fast each search strategy finds a good configuration. Our grid runs
 * first and is the reference: its best trial's 95% interval sets the target (a trial whose final score
 * reaches the interval's lower end, maximizing; its upper end, minimizing). Then, round by round with
 * experiment seeds {@code seed + 0, 1, …}, our seeded strategies and the Optuna + PyTorch studies run
 * alternately on the same subset rows and folds. Each row: epochs trained (all folds), wall time, best
 * score, and the wall time and epochs when a trial first reached the target. Our runs are {@code workbench
 * run} in a fresh JVM on a throw-away database, without refit.
 */
public final class SearchBenchmark {

    /**
     * One of our strategies: a name, whether it draws from the seed (run every round, else the first only),
     * and how it sets the spec's {@code search} section.
     */
    record Strategy(String name, boolean seeded, BiConsumer<ObjectNode, Integer> search) {}

    /** The reference: every configuration once. */
    static final Strategy GRID =
            new Strategy("grid", false, (s, trials) -> s.put("strategy", "grid").remove("max_trials"));

    /**
     * Our strategies besides the grid, one line each: random and TPE every round; grid + halving (no draws
     * from the seed) once, with the same pruner settings as Optuna's.
     */
    static List<Strategy> ours(SearchBenchOptions o) {
        return List.of(
                new Strategy("random", true, (s, trials) -> s.put("strategy", "random")
                        .put("max_trials", trials)),
                new Strategy("grid + halving", false, (s, trials) -> halving(GRID, s, trials, o)),
                new Strategy(
                        "tpe", true, (s, trials) -> s.put("strategy", "tpe").put("max_trials", trials)));
    }

    private static void halving(Strategy search, ObjectNode s, int trials, SearchBenchOptions o) {
        search.search().accept(s, trials);
        s.putObject("pruning")
                .put("method", "halving")
                .put("min_epochs", o.minEpochs())
                .put("reduction_factor", o.reductionFactor());
    }

    private final SearchBenchOptions options;
    private final Path dataDir;
    private final Path workDir;
    private final PrintWriter out;
    private final ObjectMapper json = BenchJson.mapper();
    private final ChildWorkbench child;

    /** @param workbenchMain the CLI's main class, started in child JVMs */
    public SearchBenchmark(
            SearchBenchOptions options, Class<?> workbenchMain, Path dataDir, Path workDir, PrintWriter out) {
        this.options = options;
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.out = out;
        this.child = new ChildWorkbench(workbenchMain, dataDir, workDir);
    }

    /** Runs every strategy and prints the table. */
    public void run() {
        LoadedSpec base = new SpecLoader().load(options.spec());
        SearchPlans.space(base.spec());
        int trials = options.trials() == null ? SearchPlans.gridSize(base.spec()) : options.trials();
        StringBuilder why = new StringBuilder();
        Optional<OptunaSearch> optuna =
                options.python() == null || options.optuna().isEmpty()
                        ? Optional.empty()
                        : OptunaSearch.find(options.python(), workDir, why);
        out.printf(
                "Search benchmark of %s: %d trials per seeded strategy, %d seed(s), our runs at --parallel %d%n",
                options.spec(), trials, options.seeds(), options.units());
        if (!why.isEmpty()) {
            out.println("Optuna side skipped: " + why);
        }
        Ours grid = ours(GRID, base, 0, trials);
        boolean maximize = grid.timeline().maximize();
        SearchTimeline.Reached best = grid.timeline().trials().stream()
                .reduce((a, b) -> (maximize ? b.score() > a.score() : b.score() < a.score()) ? b : a)
                .orElseThrow(() -> new BenchException("the grid run has no trial with a finite score"));
        double target = maximize ? best.ci95Low() : best.ci95High();
        List<SearchRun> runs = new ArrayList<>(List.of(grid.run()));
        for (int round = 0; round < options.seeds(); round++) {
            runs.addAll(round(base, round, trials, optuna));
        }
        out.printf(
                "Reference: grid trial %d, %s %.4f, 95%% CI [%.4f, %.4f]; target: a trial's final score %s %.4f%n",
                best.index(),
                grid.timeline().metric(),
                best.score(),
                best.ci95Low(),
                best.ci95High(),
                maximize ? ">=" : "<=",
                target);
        SearchTable.print(runs, target, maximize, out);
    }

    /** One round: our strategies (the unseeded ones in the first round only), then each Optuna mode. */
    private List<SearchRun> round(LoadedSpec base, int round, int trials, Optional<OptunaSearch> optuna) {
        List<SearchRun> runs = new ArrayList<>();
        for (Strategy s : ours(options)) {
            if (s.seeded() || round == 0) {
                runs.add(ours(s, base, round, trials).run());
            }
        }
        IdxFiles files = BenchData.files(base.spec().data(), dataDir);
        for (String mode : optuna.isPresent() ? options.optuna() : List.<String>of()) {
            LoadedSpec seeded = new SpecLoader().load(write(base, GRID, round, trials, "optuna-" + mode));
            out.printf("  optuna %s, seed %d ...%n", mode, seeded.spec().seed());
            out.flush();
            runs.add(optuna.get()
                    .run(
                            "optuna " + mode,
                            seeded.spec().seed(),
                            SearchPlans.plan(files, seeded.spec(), mode, trials, options)));
        }
        return runs;
    }

    /** A run of ours: its table row and its timeline. */
    private record Ours(SearchRun run, SearchTimeline.Timeline timeline) {}

    private Ours ours(Strategy strategy, LoadedSpec base, int round, int trials) {
        Path spec = write(base, strategy, round, trials, strategy.name());
        String name = specName(base, strategy.name(), round);
        out.printf("  %s, seed %d ...%n", strategy.name(), base.spec().seed() + round);
        out.flush();
        Instant launched = Instant.now();
        ProcessRun.Result result = child.run(spec, options.units());
        SearchTimeline.Timeline timeline = SearchTimeline.read(child.lastDatabase(), name);
        List<SearchRun.Reached> reached = timeline.trials().stream()
                .map(t -> new SearchRun.Reached(
                        t.score(), Duration.between(launched, t.finishedAt()).toNanos() / 1e9, t.epochsBefore()))
                .toList();
        Long seed = strategy.seeded() ? base.spec().seed() + round : null;
        return new Ours(
                new SearchRun(strategy.name(), seed, reached.size(), timeline.epochs(), result.seconds(), reached),
                timeline);
    }

    private static String specName(LoadedSpec base, String label, int round) {
        return base.spec().name() + "-search-" + label.replaceAll("[^a-z0-9]+", "-") + "-" + round;
    }

    /**
     * The base spec with the strategy's search settings, seed {@code + round} and no refit, as a JSON file;
     * {@code label} names it.
     */
    private Path write(LoadedSpec base, Strategy strategy, int round, int trials, String label) {
        try {
            ObjectNode spec = (ObjectNode) json.readTree(base.canonicalJson());
            String name = specName(base, label, round);
            spec.put("name", name);
            spec.put("seed", base.spec().seed() + round);
            spec.put("refit", false);
            strategy.search().accept(spec.withObject("/search"), trials);
            Path file = workDir.resolve(name + ".json");
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), spec);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
