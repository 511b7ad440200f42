package dev.workbench.store;

/** JDBC URLs as they may be shown: any {@code password=} parameter's value is hidden. */
public final class Redacted {

    private Redacted() {}

    /** {@code jdbcUrl} with the value of every {@code password} parameter replaced by {@code ***}. */
    public static String url(String jdbcUrl) {
        return jdbcUrl == null ? null : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
