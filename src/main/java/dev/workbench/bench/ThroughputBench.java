package dev.workbench.bench;

import dev.workbench.data.IdxFiles;
import dev.workbench.train.ArrayData;
import dev.workbench.train.ThroughputMeter;
import dev.workbench.train.ThroughputMeter.Rates;
import dev.workbench.train.TrainRequest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The throughput part of {@code workbench bench}, model by model: ours as one unit on one thread and as
 * N units side by side, against PyTorch in each {@link TorchConfig}, alternating within every round.
 * Ratios are taken against the faster PyTorch configuration of the same round, measure by measure.
 */
final class ThroughputBench {

    private static final long SEED = 42;

    private final BenchOptions options;
    private final IdxFiles files;
    private final Optional<PyTorch> torch;
    private final PrintWriter out;

    ThroughputBench(BenchOptions options, IdxFiles files, Optional<PyTorch> torch, PrintWriter out) {
        this.options = options;
        this.files = files;
        this.torch = torch;
        this.out = out;
    }

    /** Our N-unit rates per round for each model, in the order given. */
    List<List<Rates>> run(List<BenchModel> models) {
        return models.stream().map(this::measure).toList();
    }

    private List<Rates> measure(BenchModel model) {
        ArrayData data = BenchData.firstTrainingRows(files, options.images(), model.classes());
        int units = options.units();
        List<TorchConfig> configs = TorchConfig.both(units);
        out.printf(
                "%nThroughput of %s (img/s): %s; first %,d MNIST training images, %d timed epoch(s) after a warm-up;"
                        + " ours 1 unit on 1 thread and %d units side by side (as run --parallel %d); PyTorch %s"
                        + " (processes x threads)%n",
                model.name(),
                model.describe(),
                data.count(),
                options.epochs(),
                units,
                units,
                String.join(" and ", configs.stream().map(TorchConfig::label).toList()));
        List<Rates> single = new ArrayList<>();
        List<Rates> parallel = new ArrayList<>();
        List<Fastest> theirs = new ArrayList<>();
        Table table = new Table(header(units, configs));
        for (int round = 1; round <= options.repeats(); round++) {
            single.add(ours(model, data, 1));
            parallel.add(ours(model, data, units));
            List<Rates> them = torch.map(t ->
                            configs.stream().map(c -> torchRates(t, c, model)).toList())
                    .orElse(List.of());
            if (!them.isEmpty()) {
                theirs.add(Fastest.of(configs, them));
            }
            table.row(row(round, single.get(round - 1), parallel.get(round - 1), them, configs.size()));
        }
        table.print(out);
        if (!theirs.isEmpty()) {
            ratios(units, single, parallel, theirs);
        }
        return parallel;
    }

    private static String[] header(int units, List<TorchConfig> configs) {
        List<String> header = new ArrayList<>(List.of("round", "ours train 1", "ours train " + units));
        configs.forEach(c -> header.add("torch train " + c.label()));
        header.addAll(List.of("ours infer 1", "ours infer " + units));
        configs.forEach(c -> header.add("torch infer " + c.label()));
        return header.toArray(String[]::new);
    }

    private static String[] row(int round, Rates single, Rates parallel, List<Rates> them, int configs) {
        List<String> row =
                new ArrayList<>(List.of(Integer.toString(round), num(single.train()), num(parallel.train())));
        addTorch(row, them, configs, Rates::train);
        row.addAll(List.of(num(single.infer()), num(parallel.infer())));
        addTorch(row, them, configs, Rates::infer);
        return row.toArray(String[]::new);
    }

    private static void addTorch(List<String> row, List<Rates> them, int configs, ToDoubleFunction<Rates> f) {
        for (int i = 0; i < configs; i++) {
            row.add(them.isEmpty() ? "-" : num(f.applyAsDouble(them.get(i))));
        }
    }

    private void ratios(int units, List<Rates> single, List<Rates> parallel, List<Fastest> theirs) {
        List<Rates> best = theirs.stream().map(Fastest::rates).toList();
        out.printf(
                "ratio ours(%d units)/faster PyTorch: training %s, inference %s   (targets: >= 1.5, >= 1.5)%n",
                units, Stats.ratioRange(parallel, best, Rates::train), Stats.ratioRange(parallel, best, Rates::infer));
        out.printf(
                "ratio ours(1 unit, 1 thread)/faster PyTorch: training %s, inference %s%n",
                Stats.ratioRange(single, best, Rates::train), Stats.ratioRange(single, best, Rates::infer));
        out.printf(
                "faster PyTorch per round: training %s, inference %s%n",
                String.join("/", theirs.stream().map(Fastest::train).toList()),
                String.join("/", theirs.stream().map(Fastest::infer).toList()));
    }

    private Rates ours(BenchModel model, ArrayData data, int units) {
        List<Rates> each = SideBySide.run(units, unit -> new ThroughputMeter()
                .measure(
                        new TrainRequest(model.model(), model.training(), model.params(), SEED + unit, data, null),
                        options.epochs()));
        return new Rates(
                each.stream().mapToDouble(Rates::train).sum(),
                each.stream().mapToDouble(Rates::infer).sum());
    }

    private Rates torchRates(PyTorch torch, TorchConfig config, BenchModel model) {
        var answer = torch.run(
                        "throughput",
                        config,
                        TorchPlans.throughput(files, options.images(), options.epochs(), SEED, model))
                .answer();
        return new Rates(
                answer.get("train_img_s").asDouble(), answer.get("infer_img_s").asDouble());
    }

    private static String num(double value) {
        return String.format("%,.0f", value);
    }

    /** The faster PyTorch configuration's rates in one round, for training and inference separately. */
    private record Fastest(Rates rates, String train, String infer) {

        static Fastest of(List<TorchConfig> configs, List<Rates> rates) {
            int train = 0;
            int infer = 0;
            for (int i = 1; i < rates.size(); i++) {
                train = rates.get(i).train() > rates.get(train).train() ? i : train;
                infer = rates.get(i).infer() > rates.get(infer).infer() ? i : infer;
            }
            return new Fastest(
                    new Rates(rates.get(train).train(), rates.get(infer).infer()),
                    configs.get(train).label(),
                    configs.get(infer).label());
        }
    }
}
