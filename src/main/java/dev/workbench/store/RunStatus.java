package dev.workbench.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Life-cycle state of an experiment, trial, fold run or refit; stored (and written to JSON) in lower case. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    /** A trial stopped at a rung of successive halving: its curves up to that rung are kept. */
    PRUNED;

    /** The stored form: {@code queued}, {@code running}, {@code done}, {@code failed} or {@code pruned}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for {@link #DONE}, {@link #FAILED} and {@link #PRUNED}. */
    public boolean finished() {
        return this == DONE || this == FAILED || this == PRUNED;
    }

    /** The status whose stored form is {@code value}. */
    public static RunStatus of(String value) {
        for (RunStatus status : values()) {
            if (status.value().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status: " + value);
    }
}
