package dev.workbench.spec;

import java.util.List;

/**
 * The set of values a spec field can take across all candidates: a literal, a list, or a range.
 * Used to check constraints once for every possible candidate.
 */
record ParamDomain(double min, double max, boolean integral) {

    static ParamDomain of(Num num, SearchSpec search) {
        if (num.literal() != null) {
            double v = num.literal();
            return new ParamDomain(v, v, v == Math.rint(v));
        }
        return of(search.parameters().get(num.ref()));
    }

    static ParamDomain of(ParamSpec p) {
        if (p.isList()) {
            List<Double> values = p.values();
            double lo = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double hi = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            boolean integral = values.stream().allMatch(v -> v == Math.rint(v));
            return new ParamDomain(lo, hi, integral);
        }
        return new ParamDomain(p.min(), p.max(), p.type() == ParamSpec.Type.INT);
    }
}
