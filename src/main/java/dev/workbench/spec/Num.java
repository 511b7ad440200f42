package dev.workbench.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numeric spec field: either a literal number or a reference {@code ${param}} to a search parameter,
 * resolved per candidate.
 */
public record Num(Double literal, String ref) {

    private static final Pattern REF = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    public Num {
        if ((literal == null) == (ref == null)) {
            throw new IllegalArgumentException("a Num is either a literal or a reference");
        }
    }

    /** A literal value. */
    public static Num of(double value) {
        return new Num(value, null);
    }

    /** Reads a YAML scalar: a number, or a string of the form {@code ${name}}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Num parse(Object raw) {
        if (raw instanceof Number n) {
            return of(n.doubleValue());
        }
        if (raw instanceof String s) {
            Matcher m = REF.matcher(s.trim());
            if (m.matches()) {
                return new Num(null, m.group(1));
            }
        }
        throw new IllegalArgumentException("expected a number or ${parameter}, got '" + raw + "'");
    }

    /** The referenced parameter name, if this is a reference. */
    public Optional<String> reference() {
        return Optional.ofNullable(ref);
    }

    /** The value for one candidate's parameter values. */
    public double resolve(Map<String, Double> params) {
        if (literal != null) {
            return literal;
        }
        Double value = params.get(ref);
        if (value == null) {
            throw new IllegalStateException("no value for parameter " + ref);
        }
        return value;
    }

    /** The value rounded to an int (validation guarantees integral values where ints are needed). */
    public int resolveInt(Map<String, Double> params) {
        return (int) Math.round(resolve(params));
    }

    @JsonValue
    Object json() {
        return literal != null ? literal : "${" + ref + "}";
    }

    @Override
    public String toString() {
        return String.valueOf(json());
    }
}
