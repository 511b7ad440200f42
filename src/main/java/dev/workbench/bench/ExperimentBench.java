package dev.workbench.bench;

import dev.workbench.data.IdxDataset;
import dev.workbench.data.IdxFiles;
import dev.workbench.search.Candidate;
import dev.workbench.search.CandidateGenerator;
import dev.workbench.spec.ExperimentSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole-experiment part of {@code workbench bench}: {@code workbench run --parallel N} in a fresh JVM
 * against PyTorch's loop over the same trials and folds in each {@link TorchConfig}, alternating within
 * every round; the ratio is the faster PyTorch configuration's wall time over ours, round by round.
 */
final class ExperimentBench {

    private final BenchOptions options;
    private final Class<?> workbenchMain;
    private final Path dataDir;
    private final Path workDir;
    private final PrintWriter out;

    ExperimentBench(BenchOptions options, Class<?> workbenchMain, Path dataDir, Path workDir, PrintWriter out) {
        this.options = options;
        this.workbenchMain = workbenchMain;
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.out = out;
    }

    void run(ExperimentSpec spec, IdxFiles files, Optional<PyTorch> torch) {
        int images = spec.data().trainSubset() != null
                ? spec.data().trainSubset()
                : IdxDataset.load(files).train().count();
        List<Candidate> candidates = CandidateGenerator.generate(spec.search(), spec.seed());
        List<TorchConfig> configs = TorchConfig.both(options.units());
        out.printf(
                "%nWhole experiment %s: %d trials x %d folds x %s epochs on %,d images%s; ours = workbench run"
                        + " --parallel %d in a fresh JVM, PyTorch = a plain loop over the same trials and folds as %s"
                        + " (processes x threads; with several processes each takes the next unit when free)%n",
                options.spec(),
                candidates.size(),
                spec.cv().folds(),
                epochs(spec),
                images,
                spec.refit() ? " + refit" : "",
                options.units(),
                String.join(" and ", configs.stream().map(TorchConfig::label).toList()));
        ChildWorkbench child = new ChildWorkbench(workbenchMain, dataDir, workDir);
        Table table = new Table(header(configs));
        List<Double> ours = new ArrayList<>();
        List<Double> fastest = new ArrayList<>();
        List<String> fastestLabel = new ArrayList<>();
        for (int round = 1; round <= options.experiments(); round++) {
            ProcessRun.Result run = child.run(options.spec(), options.units());
            ours.add(run.seconds());
            List<ProcessRun.Result> them = torch.map(t -> configs.stream()
                            .map(c -> t.run("experiment", c, TorchPlans.experiment(files, images, spec, candidates))
                                    .process())
                            .toList())
                    .orElse(List.of());
            table.row(row(round, run, them, configs.size()));
            if (!them.isEmpty()) {
                int best = them.get(0).seconds() <= them.get(them.size() - 1).seconds() ? 0 : them.size() - 1;
                fastest.add(them.get(best).seconds());
                fastestLabel.add(configs.get(best).label());
            }
        }
        table.print(out);
        if (!fastest.isEmpty()) {
            out.printf(
                    "ratio faster PyTorch wall / ours: %s   (target: >= 1.5); faster PyTorch per round: %s%n",
                    Stats.ratioRange(fastest, ours, d -> d), String.join("/", fastestLabel));
        }
    }

    private static String[] header(List<TorchConfig> configs) {
        List<String> header =
                new ArrayList<>(List.of("round", "ours wall s", "ours peak RSS MB", "ours RSS by quarter MB"));
        configs.forEach(c -> header.add("torch " + c.label() + " wall s"));
        header.add("torch " + configs.get(0).label() + " peak RSS MB");
        return header.toArray(String[]::new);
    }

    /** One round's cells; "-" for PyTorch when it did not run. */
    private static String[] row(int round, ProcessRun.Result ours, List<ProcessRun.Result> them, int configs) {
        List<String> row = new ArrayList<>(
                List.of(Integer.toString(round), seconds(ours.seconds()), mb(ours.peakBytes()), quarters(ours)));
        for (int i = 0; i < configs; i++) {
            row.add(them.isEmpty() ? "-" : seconds(them.get(i).seconds()));
        }
        row.add(them.isEmpty() ? "-" : mb(them.get(0).peakBytes()));
        return row.toArray(String[]::new);
    }

    private static String epochs(ExperimentSpec spec) {
        var epochs = spec.training().epochs();
        return epochs.literal() == null ? epochs.toString() : Integer.toString(epochs.resolveInt(Map.of()));
    }

    private static String seconds(double value) {
        return String.format("%.1f", value);
    }

    /** The peak RSS of each quarter of the run, e.g. {@code 610/655/661/662}: flat when nothing accumulates. */
    private static String quarters(ProcessRun.Result run) {
        List<Long> peaks = run.quarterPeaks();
        return peaks.isEmpty()
                ? "-"
                : String.join("/", peaks.stream().map(ExperimentBench::mb).toList());
    }

    private static String mb(long bytes) {
        return String.format("%,d", bytes / (1024 * 1024));
    }
}
