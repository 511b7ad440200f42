package dev.workbench.app;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.workbench.UserInputException;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Learning curves of selected trials for one metric: each trial's mean over folds per epoch with the
 * min–max band, and every fold's own curve, all downsampled to a maximum number of points.
 */
public final class CurveView {

    /** What the band around each mean shows. */
    static final String BAND = "min-max over folds";

    /** The curves of several trials of one experiment, against {@code x}: epochs, iterations or images (seen). */
    public record Curves(String metric, String x, String band, int points, List<TrialCurve> trials) {}

    /**
     * One trial: its mean curve with band and its folds' curves.
     *
     * @param epochs the most epochs (steps, on the iterations and images axes) any fold recorded, before downsampling
     */
    public record TrialCurve(
            long id, int index, String status, int epochs, List<MeanPoint> mean, List<FoldCurve> folds) {}

    /** One fold's curve. */
    public record FoldCurve(int fold, String status, int epochs, List<Point> points) {}

    /** {@code [x, value]}: x is the epoch, or the iteration or images seen at a logged step. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Point(long x, double value) {}

    /** {@code [x, mean, min, max, folds]} over the folds with a finite value at that x. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record MeanPoint(long x, double mean, double min, double max, int folds) {}

    private CurveView() {}

    static Curves of(Store store, long experimentId, List<Long> trialIds, String metric, String x, int points) {
        ExperimentView.experiment(store, experimentId);
        List<TrialRow> trials = new ArrayList<>();
        for (long id : trialIds) {
            TrialRow t = store.trials().byId(id).orElseThrow(() -> new NotFoundException("no trial with id " + id));
            if (t.experimentId() != experimentId) {
                throw new UserInputException(
                        "trials: trial " + id + " belongs to experiment " + t.experimentId() + ", not " + experimentId);
            }
            trials.add(t);
        }
        Map<Long, List<FoldRunRow>> folds = store.foldRuns().byTrials(trialIds);
        if (!x.equals("epochs")) {
            return new Curves(metric, x, BAND, points, StepCurves.of(store, trials, folds, metric, x, points));
        }
        List<TrialCurve> curves = trials.stream()
                .map(t -> trial(t, folds.getOrDefault(t.id(), List.of()), metric, points))
                .toList();
        return new Curves(metric, x, BAND, points, curves);
    }

    private static TrialCurve trial(TrialRow t, List<FoldRunRow> folds, String metric, int points) {
        List<FoldCurve> foldCurves = folds.stream()
                .map(f -> new FoldCurve(
                        f.fold(), f.status().value(), f.epochs().size(), downsample(f.epochs(), metric, points)))
                .toList();
        List<MeanPoint> mean = mean(folds, metric);
        double[] x = mean.stream().mapToDouble(MeanPoint::x).toArray();
        double[] y = mean.stream().mapToDouble(MeanPoint::mean).toArray();
        List<MeanPoint> kept =
                Downsample.lttb(x, y, points).stream().map(mean::get).toList();
        int epochs = folds.stream().mapToInt(f -> f.epochs().size()).max().orElse(0);
        return new TrialCurve(t.id(), t.index(), t.status().value(), epochs, kept, foldCurves);
    }

    private static List<Point> downsample(List<EpochMetrics> epochs, String metric, int points) {
        double[] x = epochs.stream().mapToDouble(EpochMetrics::epoch).toArray();
        double[] y = epochs.stream().mapToDouble(m -> m.metric(metric)).toArray();
        return Downsample.lttb(x, y, points).stream()
                .map(i -> new Point(epochs.get(i).epoch(), y[i]))
                .toList();
    }

    /** Per epoch, the mean, min and max of the folds' finite values; NaN where no fold has one. */
    static List<MeanPoint> mean(List<FoldRunRow> folds, String metric) {
        int last = folds.stream()
                .flatMap(f -> f.epochs().stream())
                .mapToInt(EpochMetrics::epoch)
                .max()
                .orElse(0);
        double[] sum = new double[last + 1];
        double[] min = new double[last + 1];
        double[] max = new double[last + 1];
        int[] count = new int[last + 1];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (FoldRunRow f : folds) {
            for (EpochMetrics m : f.epochs()) {
                double v = m.metric(metric);
                if (Double.isFinite(v)) {
                    int e = m.epoch();
                    sum[e] += v;
                    min[e] = Math.min(min[e], v);
                    max[e] = Math.max(max[e], v);
                    count[e]++;
                }
            }
        }
        List<MeanPoint> mean = new ArrayList<>(last);
        for (int e = 1; e <= last; e++) {
            mean.add(
                    count[e] == 0
                            ? new MeanPoint(e, Double.NaN, Double.NaN, Double.NaN, 0)
                            : new MeanPoint(e, sum[e] / count[e], min[e], max[e], count[e]));
        }
        return mean;
    }
}
