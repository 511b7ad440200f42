package dev.workbench.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which trials continue past a rung: ranked by their fold-mean objective at the rung's epoch (better first by
 * the experiment's goal; NaN last; ties by trial index), the best {@code n / reductionFactor} (at least one).
 */
final class RungSelection {

    private RungSelection() {}

    /** A trial's fold-mean objective at the rung. */
    record Ranked(int trialIndex, long trialId, double score) {}

    /** The trial indices that continue, in rank order. */
    static List<Ranked> survivors(List<Ranked> trials, boolean maximize, int reductionFactor) {
        if (trials.isEmpty()) {
            return List.of();
        }
        List<Ranked> order = new ArrayList<>(trials);
        Comparator<Ranked> byScore = Comparator.comparingDouble(r -> maximize ? -r.score() : r.score());
        order.sort(Comparator.<Ranked, Boolean>comparing(r -> Double.isNaN(r.score()))
                .thenComparing(byScore)
                .thenComparingInt(Ranked::trialIndex));
        int keep = Math.max(1, trials.size() / reductionFactor);
        return List.copyOf(order.subList(0, keep));
    }

    /** The mean of the folds' values in fold order (summed in that order, so any reader gets the same bits). */
    static double foldMean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.isEmpty() ? Double.NaN : sum / values.size();
    }
}
