package dev.workbench.bench;

import dev.workbench.data.IdxFiles;
import dev.workbench.search.CandidateGenerator;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.SpecLoader;
import dev.workbench.train.ArrayData;
import dev.workbench.provenance.BackendInfo;
import dev.workbench.backend.BackendSelector;
import dev.workbench.train.GemmMeter;
import dev.workbench.train.ThroughputMeter;
import dev.workbench.train.ThroughputMeter.Rates;
import dev.workbench.train.TrainRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code workbench bench}: our training path against PyTorch on the same machine and data, alternating
 * the two so both see the same background load. Prints every round, then min–max and the ratios
 * (above 1 means the workbench is ahead), the FLOP ceiling, and the whole-experiment comparison.
 */
public final class Benchmark {

    private static final long SEED = 42;
    private static final int GEMM_SIZE = 1024;

    private final BenchOptions options;
    private final Class<?> workbenchMain;
    private final Path dataDir;
    private final Path workDir;
    private final PrintWriter out;

    public Benchmark(BenchOptions options, Class<?> workbenchMain, Path dataDir, Path workDir, PrintWriter out) {
        this.workbenchMain = workbenchMain;
        this.options = options;
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.out = out;
    }

    /** Runs every part and prints the report as it goes. */
    public void run() {
        BackendInfo backend = BackendSelector.fromEnvironment().prepare();
        ExperimentSpec spec = new SpecLoader().load(options.spec()).spec();
        IdxFiles files = BenchData.files(spec.data(), dataDir);
        StringBuilder whyNot = new StringBuilder();
        Optional<PyTorch> torch = options.python() == null ? Optional.empty()
                : PyTorch.find(options.python(), workDir, whyNot);
        out.printf("%s%nPyTorch: %s%n", Machine.describe(backend), torch.isPresent() ? options.python()
                : (whyNot.length() > 0 ? whyNot : "not run (--no-pytorch)"));
        List<Rates> ours = throughput(files, torch);
        ceiling(ours);
        if (options.experiments() > 0) {
            experiment(spec, files, torch);
        }
        out.flush();
    }

    private List<Rates> throughput(IdxFiles files, Optional<PyTorch> torch) {
        ArrayData data = BenchData.firstTrainingRows(files, options.images(), ReferenceCnn.CLASSES);
        int units = options.units();
        out.printf("%nThroughput of the reference CNN (img/s): first %,d MNIST training images, batch %d, Adam, "
                + "%d timed epoch(s) after a warm-up; ours 1 unit on 1 thread, ours %d units side by side "
                + "(as run --parallel %d), PyTorch 1 model on all threads%n", data.count(), ReferenceCnn.BATCH,
                options.epochs(), units, units, units);
        Table table = new Table("round", "ours train 1", "ours train " + units, "torch train", "ours infer 1",
                "ours infer " + units, "torch infer");
        List<Rates> single = new ArrayList<>();
        List<Rates> parallel = new ArrayList<>();
        List<Rates> theirs = new ArrayList<>();
        for (int round = 1; round <= options.repeats(); round++) {
            single.add(ours(data, 1));
            parallel.add(ours(data, units));
            torch.ifPresent(t -> theirs.add(torchRates(t, files)));
            Rates them = theirs.isEmpty() ? null : theirs.get(theirs.size() - 1);
            table.row(Integer.toString(round), num(single.get(round - 1).train()), num(parallel.get(round - 1).train()),
                    them == null ? "-" : num(them.train()), num(single.get(round - 1).infer()),
                    num(parallel.get(round - 1).infer()), them == null ? "-" : num(them.infer()));
        }
        table.print(out);
        if (!theirs.isEmpty()) {
            out.printf("ratio ours(%d units)/PyTorch: training %s, inference %s   (targets: >= 1.0, >= 1.5)%n", units,
                    Stats.ratioRange(parallel, theirs, Rates::train), Stats.ratioRange(parallel, theirs, Rates::infer));
            out.printf("ratio ours(1 unit, 1 thread)/PyTorch(all threads): training %s, inference %s%n",
                    Stats.ratioRange(single, theirs, Rates::train), Stats.ratioRange(single, theirs, Rates::infer));
        }
        return parallel;
    }

    private Rates ours(ArrayData data, int units) {
        List<Rates> each = SideBySide.run(units, unit -> new ThroughputMeter().measure(new TrainRequest(
                ReferenceCnn.model(), ReferenceCnn.training(), Map.of(), SEED + unit, data, null), options.epochs()));
        return new Rates(each.stream().mapToDouble(Rates::train).sum(), each.stream().mapToDouble(Rates::infer).sum());
    }

    private Rates torchRates(PyTorch torch, IdxFiles files) {
        var answer = torch.run("throughput", TorchPlans.throughput(files, options.images(), options.epochs(), SEED,
                ReferenceCnn.model(), ReferenceCnn.training())).answer();
        return new Rates(answer.get("train_img_s").asDouble(), answer.get("infer_img_s").asDouble());
    }

    private void ceiling(List<Rates> ours) {
        int units = options.units();
        double one = GemmMeter.gflops(GEMM_SIZE, 3);
        double all = SideBySide.run(units, i -> GemmMeter.gflops(GEMM_SIZE, 3)).stream().mapToDouble(d -> d).sum();
        long flops = ModelPlan.of(ReferenceCnn.model(), Map.of()).trainingFlops();
        double ceiling = all * 1e9 / flops;
        double best = ours.stream().mapToDouble(Rates::train).max().orElse(0);
        out.printf("%nFLOP ceiling: sgemm %dx%d FLOAT %.1f GFLOP/s on 1 thread, %.1f GFLOP/s on %d threads side by side;"
                        + " training costs %.1f MFLOP/image (3x forward) -> ceiling %,.0f img/s;"
                        + " best ours (%d units) %,.0f img/s = %.0f%% of it%n",
                GEMM_SIZE, GEMM_SIZE, one, all, units, flops / 1e6, ceiling, units, best, 100 * best / ceiling);
    }

    private void experiment(ExperimentSpec spec, IdxFiles files, Optional<PyTorch> torch) {
        int images = spec.data().trainSubset() != null ? spec.data().trainSubset()
                : dev.workbench.data.IdxDataset.load(files).train().count();
        var candidates = CandidateGenerator.generate(spec.search(), spec.seed());
        out.printf("%nWhole experiment %s: %d trials x %d folds x %s epochs on %,d images%s; ours = workbench run"
                        + " --parallel %d in a fresh JVM, PyTorch = a plain loop over the same trials and folds%n",
                options.spec(), candidates.size(), spec.cv().folds(), epochs(spec), images,
                spec.refit() ? " + refit" : "", options.units());
        ChildWorkbench child = new ChildWorkbench(workbenchMain, dataDir, workDir);
        Table table = new Table("round", "ours wall s", "ours peak RSS MB", "ours RSS by quarter MB", "torch wall s",
                "torch peak RSS MB");
        List<Double> ourWall = new ArrayList<>();
        List<Double> theirWall = new ArrayList<>();
        for (int round = 1; round <= options.experiments(); round++) {
            ProcessRun.Result run = child.run(options.spec(), options.units());
            ourWall.add(run.seconds());
            Optional<ProcessRun.Result> them = torch.map(t -> t.run("experiment",
                    TorchPlans.experiment(files, images, spec, candidates)).process());
            them.ifPresent(t -> theirWall.add(t.seconds()));
            table.row(Integer.toString(round), String.format("%.1f", run.seconds()), mb(run.peakBytes()),
                    quarters(run), them.map(t -> String.format("%.1f", t.seconds())).orElse("-"),
                    them.map(t -> mb(t.peakBytes())).orElse("-"));
        }
        table.print(out);
        if (!theirWall.isEmpty()) {
            out.printf("ratio PyTorch wall / ours: %s   (target: > 1.0)%n", Stats.ratioRange(theirWall, ourWall, d -> d));
        }
    }

    private static String epochs(ExperimentSpec spec) {
        var epochs = spec.training().epochs();
        return epochs.literal() == null ? epochs.toString() : Integer.toString(epochs.resolveInt(Map.of()));
    }

    private static String num(double value) {
        return String.format("%,.0f", value);
    }

    /** The peak RSS of each quarter of the run, e.g. {@code 610/655/661/662}: flat when nothing accumulates. */
    private static String quarters(ProcessRun.Result run) {
        List<Long> peaks = run.quarterPeaks();
        return peaks.isEmpty() ? "-" : String.join("/", peaks.stream().map(Benchmark::mb).toList());
    }

    private static String mb(long bytes) {
        return String.format("%,d", bytes / (1024 * 1024));
    }
}
