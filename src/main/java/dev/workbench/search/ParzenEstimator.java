package dev.workbench.search;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * A one-dimensional Parzen estimator on {@code [low, high]} (Bergstra et al. 2011, §4): an equally weighted
 * mixture of Gaussians truncated to the range, one on each observation and one wide prior centred on the
 * range. Each observation's bandwidth is the larger distance to its neighbours (the bounds count as
 * neighbours), clipped to {@code [range / min(100, 1 + n), range]}; the prior's is the whole range.
 */
final class ParzenEstimator {

    private static final double SQRT2 = Math.sqrt(2);
    private final double low;
    private final double high;
    private final double[] mu;
    private final double[] sigma;

    /** An estimator of {@code points} (already in the internal, e.g. log, scale) on {@code [low, high]}. */
    ParzenEstimator(double[] points, double low, double high) {
        this.low = low;
        this.high = high;
        double range = high - low;
        double[] sorted = points.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        mu = new double[n + 1];
        sigma = new double[n + 1];
        double minSigma = range / Math.min(100.0, 1.0 + n);
        for (int i = 0; i < n; i++) {
            double left = sorted[i] - (i == 0 ? low : sorted[i - 1]);
            double right = (i == n - 1 ? high : sorted[i + 1]) - sorted[i];
            mu[i] = sorted[i];
            sigma[i] = Math.min(range, Math.max(minSigma, Math.max(left, right)));
        }
        mu[n] = (low + high) / 2;
        sigma[n] = range;
    }

    /** One draw: a component chosen uniformly, then its Gaussian until the draw falls in the range. */
    double sample(SplittableRandom random) {
        int k = random.nextInt(mu.length);
        for (int tries = 0; tries < 100; tries++) {
            double x = mu[k] + sigma[k] * gaussian(random);
            if (x >= low && x <= high) {
                return x;
            }
        }
        return Math.min(high, Math.max(low, mu[k]));
    }

    /** The log density at {@code x}. */
    double logDensity(double x) {
        double sum = 0;
        for (int k = 0; k < mu.length; k++) {
            double mass = cdf((high - mu[k]) / sigma[k]) - cdf((low - mu[k]) / sigma[k]);
            double z = (x - mu[k]) / sigma[k];
            sum += Math.exp(-0.5 * z * z) / (sigma[k] * Math.sqrt(2 * Math.PI) * Math.max(mass, 1e-12));
        }
        return Math.log(sum / mu.length);
    }

    private static double cdf(double z) {
        return 0.5 * (1 + Erf.erf(z / SQRT2));
    }

    /** A standard normal draw (Box-Muller), from {@code random} alone so that it is reproducible. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
