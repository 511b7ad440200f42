package dev.workbench.metrics;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation and two-sided 95% Student-t confidence interval of per-fold scores.
 */
public record ScoreSummary(double mean, double std, double ci95Low, double ci95High, int n) {

    /** Summarises the given per-fold scores; needs at least one value. */
    public static ScoreSummary of(List<Double> scores) {
        int n = scores.size();
        if (n == 0) {
            throw new IllegalArgumentException("no scores to summarise");
        }
        double mean = scores.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) {
            return new ScoreSummary(mean, 0.0, mean, mean, 1);
        }
        double squares =
                scores.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum();
        double std = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        double half = t * std / Math.sqrt(n);
        return new ScoreSummary(mean, std, mean - half, mean + half, n);
    }
}
