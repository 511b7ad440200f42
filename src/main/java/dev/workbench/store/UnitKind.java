package dev.workbench.store;

import java.util.Locale;

/** What a unit of work trains: one (trial, fold), or the refit of the best trial on all training data. */
public enum UnitKind {
    FOLD,
    REFIT;

    /** The stored form: {@code fold} or {@code refit}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static UnitKind of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
