package dev.workbench.bench;

import dev.workbench.backend.BackendSelector;
import dev.workbench.data.IdxFiles;
import dev.workbench.provenance.BackendInfo;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.SpecLoader;
import dev.workbench.train.GemmMeter;
import dev.workbench.train.ThroughputMeter.Rates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code workbench bench}: our training path against PyTorch on the same machine and data, alternating
 * the two so both see the same background load. Prints every round of the throughput of the reference
 * CNN and of the spec's smallest and largest model ({@link ThroughputBench}), min–max ratios against the
 * faster PyTorch configuration (above 1 means the workbench is ahead), the FLOP ceiling, and the
 * whole-experiment comparison ({@link ExperimentBench}).
 */
public final class Benchmark {

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
        Optional<PyTorch> torch =
                options.python() == null ? Optional.empty() : PyTorch.find(options.python(), workDir, whyNot);
        out.printf(
                "%s%nPyTorch: %s%n",
                Machine.describe(backend),
                torch.isPresent() ? options.python() : (whyNot.length() > 0 ? whyNot : "not run (--no-pytorch)"));
        List<List<Rates>> ours = new ThroughputBench(options, files, torch, out).run(BenchModel.of(spec));
        ceiling(ours.get(0));
        if (options.experiments() > 0) {
            new ExperimentBench(options, workbenchMain, dataDir, workDir, out).run(spec, files, torch);
        }
        out.flush();
    }

    private void ceiling(List<Rates> ours) {
        int units = options.units();
        double one = GemmMeter.gflops(GEMM_SIZE, 3);
        double all = SideBySide.run(units, i -> GemmMeter.gflops(GEMM_SIZE, 3)).stream()
                .mapToDouble(d -> d)
                .sum();
        long flops = ModelPlan.of(ReferenceCnn.model(), Map.of()).trainingFlops();
        double ceiling = all * 1e9 / flops;
        double best = ours.stream().mapToDouble(Rates::train).max().orElse(0);
        out.printf(
                "%nFLOP ceiling: sgemm %dx%d FLOAT %.1f GFLOP/s on 1 thread, %.1f GFLOP/s on %d threads side by side;"
                        + " training costs %.1f MFLOP/image (3x forward) -> ceiling %,.0f img/s;"
                        + " best ours (%d units) %,.0f img/s = %.0f%% of it%n",
                GEMM_SIZE, GEMM_SIZE, one, all, units, flops / 1e6, ceiling, units, best, 100 * best / ceiling);
    }
}
