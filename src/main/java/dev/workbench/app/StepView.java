package dev.workbench.app;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.workbench.metrics.StepMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * A trial's curves within epochs: every fold's logged steps, and per metric the mean over folds at each
 * iteration with its min–max band, downsampled like the epoch curves (LTTB on the training loss, epoch ends
 * always kept; the band thinned evenly).
 */
public final class StepView {

    /** The four step metrics, in the order of a {@link Step}'s values. */
    static final List<String> METRICS = List.of("train_loss", "train_accuracy", "val_loss", "val_accuracy");

    /** Steps of every fold and the bands over folds, by metric name. */
    public record Steps(int points, List<FoldSteps> folds, Map<String, List<BandPoint>> bands) {}

    /** One fold's steps; {@code stepsTotal} before downsampling. */
    public record FoldSteps(int fold, int stepsTotal, List<Step> steps) {}

    /**
     * {@code [iteration, images_seen, epochs, train_loss, train_accuracy, val_loss, val_accuracy]}: {@code epochs}
     * is the fractional epoch (epoch − 1 + batch / batches of that epoch); val_* are null except at epoch ends.
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Step(
            long iteration,
            long imagesSeen,
            double epochs,
            double trainLoss,
            double trainAccuracy,
            double valLoss,
            double valAccuracy) {}

    /** {@code [iteration, images_seen, epochs, mean, min, max, folds]} over the folds with a finite value there. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record BandPoint(
            long iteration, long imagesSeen, double epochs, double mean, double min, double max, int folds) {}

    private StepView() {}

    /** {@code steps} by fold number. */
    static Steps of(Map<Integer, List<StepMetrics>> byFold, int points) {
        Map<Integer, List<Step>> full = new TreeMap<>();
        byFold.forEach((fold, steps) -> full.put(fold, steps(steps)));
        List<FoldSteps> folds = full.entrySet().stream()
                .map(e -> new FoldSteps(e.getKey(), e.getValue().size(), downsample(e.getValue(), points)))
                .toList();
        Map<String, List<BandPoint>> bands = new java.util.LinkedHashMap<>();
        for (int m = 0; m < METRICS.size(); m++) {
            List<BandPoint> band = band(full.values(), m);
            bands.put(
                    METRICS.get(m),
                    Downsample.stride(band.size(), points).stream()
                            .map(band::get)
                            .toList());
        }
        return new Steps(points, folds, bands);
    }

    private static List<Step> steps(List<StepMetrics> steps) {
        Map<Integer, Integer> batches = new HashMap<>();
        steps.forEach(s -> batches.merge(s.epoch(), s.batch(), Math::max));
        return steps.stream()
                .map(s -> new Step(
                        s.iteration(),
                        s.imagesSeen(),
                        s.epoch() - 1 + s.batch() / (double) batches.get(s.epoch()),
                        s.trainLoss(),
                        s.trainAccuracy(),
                        s.valLoss(),
                        s.valAccuracy()))
                .toList();
    }

    private static List<Step> downsample(List<Step> steps, int points) {
        double[] x = steps.stream().mapToDouble(Step::iteration).toArray();
        double[] y = steps.stream().mapToDouble(Step::trainLoss).toArray();
        TreeSet<Integer> kept = new TreeSet<>(Downsample.lttb(x, y, points));
        for (int i = 0; i < steps.size(); i++) {
            if (Double.isFinite(steps.get(i).valLoss())
                    || Double.isFinite(steps.get(i).valAccuracy())) {
                kept.add(i);
            }
        }
        return kept.stream().map(steps::get).toList();
    }

    private static List<BandPoint> band(Iterable<List<Step>> folds, int metric) {
        ToDoubleFunction<Step> value =
                switch (metric) {
                    case 0 -> Step::trainLoss;
                    case 1 -> Step::trainAccuracy;
                    case 2 -> Step::valLoss;
                    default -> Step::valAccuracy;
                };
        TreeMap<Long, List<Step>> byIteration = new TreeMap<>();
        folds.forEach(steps -> steps.stream()
                .filter(s -> Double.isFinite(value.applyAsDouble(s)))
                .forEach(s -> byIteration
                        .computeIfAbsent(s.iteration(), k -> new ArrayList<>())
                        .add(s)));
        List<BandPoint> band = new ArrayList<>(byIteration.size());
        byIteration.forEach((iteration, at) -> {
            double[] v = at.stream().mapToDouble(value).toArray();
            double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
            Step first = at.get(0);
            band.add(new BandPoint(
                    iteration,
                    first.imagesSeen(),
                    first.epochs(),
                    mean,
                    java.util.Arrays.stream(v).min().orElse(Double.NaN),
                    java.util.Arrays.stream(v).max().orElse(Double.NaN),
                    v.length));
        });
        return band;
    }
}
