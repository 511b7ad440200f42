package dev.workbench.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text-level preparation of spec YAML before parsing. */
final class SpecText {

    private static final Pattern BARE_REFERENCE =
            Pattern.compile("(?<![\"'\\w])(\\$\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*})(?![\"'])");

    private SpecText() {}

    /**
     * Quotes bare {@code ${param}} references so that they are legal inside YAML flow mappings such as
     * {@code {filters: ${conv1_filters}}}; line numbers are unchanged.
     */
    static String quoteReferences(String yaml) {
        return BARE_REFERENCE.matcher(yaml).replaceAll(m -> Matcher.quoteReplacement("\"" + m.group(1) + "\""));
    }
}
