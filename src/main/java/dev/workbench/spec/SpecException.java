package dev.workbench.spec;

import dev.workbench.UserInputException;

/** A spec is malformed or describes something that cannot work; names the field and its YAML line. */
public class SpecException extends UserInputException {

    private final String field;
    private final int line;

    public SpecException(String source, String field, int line, String problem) {
        super(format(source, field, line, problem));
        this.field = field;
        this.line = line;
    }

    private static String format(String source, String field, int line, String problem) {
        String where = line > 0 ? source + ":" + line : source;
        return field.isEmpty() ? where + ": " + problem : where + ": " + field + ": " + problem;
    }

    /** The dotted path of the offending field, e.g. {@code model.layers[2].conv.kernel}. */
    public String field() {
        return field;
    }

    /** The 1-based YAML line, or 0 when unknown. */
    public int line() {
        return line;
    }
}
