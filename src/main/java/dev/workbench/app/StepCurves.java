package dev.workbench.app;

import dev.workbench.app.CurveView.FoldCurve;
import dev.workbench.app.CurveView.MeanPoint;
import dev.workbench.app.CurveView.Point;
import dev.workbench.app.CurveView.TrialCurve;
import dev.workbench.metrics.StepMetrics;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The curve panel's curves against iterations or images seen: each fold's logged steps, and per trial the
 * mean over folds with its min–max band at each x, downsampled with LTTB like the epoch curves. Validation
 * metrics exist only at epoch ends, so their curves have one point per epoch.
 */
public final class StepCurves {

    private StepCurves() {}

    static List<TrialCurve> of(
            Store store,
            List<TrialRow> trials,
            Map<Long, List<FoldRunRow>> folds,
            String metric,
            String x,
            int points) {
        List<Long> runs = folds.values().stream()
                .flatMap(List::stream)
                .map(FoldRunRow::id)
                .toList();
        Map<Long, List<StepMetrics>> steps = store.traces().steps(runs);
        ToDoubleFunction<StepMetrics> value = value(metric);
        return trials.stream()
                .map(t -> {
                    List<FoldRunRow> own = folds.getOrDefault(t.id(), List.of());
                    List<List<Point>> curves = own.stream()
                            .map(f -> points(steps.getOrDefault(f.id(), List.of()), value, x))
                            .toList();
                    List<FoldCurve> foldCurves = new ArrayList<>();
                    for (int i = 0; i < own.size(); i++) {
                        foldCurves.add(new FoldCurve(
                                own.get(i).fold(),
                                own.get(i).status().value(),
                                curves.get(i).size(),
                                downsample(curves.get(i), points)));
                    }
                    List<MeanPoint> mean = mean(curves);
                    double[] xs = mean.stream().mapToDouble(MeanPoint::x).toArray();
                    double[] ys = mean.stream().mapToDouble(MeanPoint::mean).toArray();
                    int longest = curves.stream().mapToInt(List::size).max().orElse(0);
                    return new TrialCurve(
                            t.id(),
                            t.index(),
                            t.status().value(),
                            longest,
                            Downsample.lttb(xs, ys, points).stream()
                                    .map(mean::get)
                                    .toList(),
                            foldCurves);
                })
                .toList();
    }

    private static ToDoubleFunction<StepMetrics> value(String metric) {
        return switch (metric) {
            case "train_loss" -> StepMetrics::trainLoss;
            case "train_accuracy" -> StepMetrics::trainAccuracy;
            case "val_loss" -> StepMetrics::valLoss;
            default -> StepMetrics::valAccuracy;
        };
    }

    /** The steps with a finite value, as [x, value]. */
    private static List<Point> points(List<StepMetrics> steps, ToDoubleFunction<StepMetrics> value, String x) {
        return steps.stream()
                .filter(s -> Double.isFinite(value.applyAsDouble(s)))
                .map(s -> new Point(x.equals("images") ? s.imagesSeen() : s.iteration(), value.applyAsDouble(s)))
                .toList();
    }

    private static List<Point> downsample(List<Point> curve, int points) {
        double[] xs = curve.stream().mapToDouble(Point::x).toArray();
        double[] ys = curve.stream().mapToDouble(Point::value).toArray();
        return Downsample.lttb(xs, ys, points).stream().map(curve::get).toList();
    }

    /** Per x that any fold has, the mean, min and max over the folds with a value there. */
    private static List<MeanPoint> mean(List<List<Point>> curves) {
        TreeMap<Long, double[]> byX = new TreeMap<>(); // sum, min, max, count
        curves.forEach(curve -> curve.forEach(p -> {
            double[] a = byX.computeIfAbsent(
                    p.x(), k -> new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0});
            a[0] += p.value();
            a[1] = Math.min(a[1], p.value());
            a[2] = Math.max(a[2], p.value());
            a[3]++;
        }));
        List<MeanPoint> mean = new ArrayList<>(byX.size());
        byX.forEach((x, a) -> mean.add(new MeanPoint(x, a[0] / a[3], a[1], a[2], (int) a[3])));
        return mean;
    }
}
