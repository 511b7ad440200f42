package dev.workbench.search;

import dev.workbench.spec.ParamSpec;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;

/** Translates one spec parameter into the Arbiter parameter space that samples it. */
final class ParamSpaces {

    private ParamSpaces() {}

    /** For grid search every parameter is discrete: a values list as is, a range cut into grid_points. */
    static ParameterSpace<Double> forGrid(ParamSpec p) {
        return new DiscreteParameterSpace<>(p.isList() ? p.values() : gridPoints(p));
    }

    /** For random search: values are drawn uniformly from the list, ranges uniformly or log-uniformly. */
    static ParameterSpace<Double> forRandom(ParamSpec p) {
        if (p.isList()) {
            return new DiscreteParameterSpace<>(p.values());
        }
        if (p.scale() == ParamSpec.Scale.LOG) {
            return new ContinuousParameterSpace(new LogUniformDistribution(p.min(), p.max()));
        }
        return new ContinuousParameterSpace(p.min(), p.max());
    }

    /** Evenly spaced points from min to max inclusive (geometrically on a log scale), deduplicated for ints. */
    static List<Double> gridPoints(ParamSpec p) {
        int n = p.gridPoints();
        List<Double> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double t = i / (double) (n - 1);
            double v = p.scale() == ParamSpec.Scale.LOG
                    ? Math.exp(Math.log(p.min()) + t * (Math.log(p.max()) - Math.log(p.min())))
                    : p.min() + t * (p.max() - p.min());
            v = i == n - 1 ? p.max() : v;
            double value = finish(p, v);
            if (!points.contains(value)) {
                points.add(value);
            }
        }
        return points;
    }

    /** Rounds int parameters; leaves floats as drawn. */
    static double finish(ParamSpec p, double v) {
        return p.type() == ParamSpec.Type.INT ? Math.rint(v) : v;
    }
}
