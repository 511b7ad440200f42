package dev.workbench.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One search parameter: either a list of {@code values}, or a range {@code [min, max]} sampled
 * uniformly ({@code scale: linear}) or log-uniformly ({@code scale: log}) by random search, or cut
 * into {@code grid_points} points by grid search. {@code type: int} rounds range values to integers.
 */
public record ParamSpec(List<Double> values, Double min, Double max, Scale scale, Type type, Integer gridPoints) {

    public ParamSpec {
        values = values == null ? null : List.copyOf(values);
        scale = scale == null ? Scale.LINEAR : scale;
        type = type == null ? Type.FLOAT : type;
    }

    /** True for a {@code values} list, false for a range. */
    @JsonIgnore
    public boolean isList() {
        return values != null;
    }

    /** Range scales. */
    public enum Scale {
        LINEAR,
        LOG
    }

    /** Value types. */
    public enum Type {
        INT,
        FLOAT
    }
}
