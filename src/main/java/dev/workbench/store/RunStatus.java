package dev.workbench.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Life-cycle state of an experiment, trial, fold run or refit; stored (and written to JSON) in lower case. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    /** A trial stopped early by a pruning rule; its epochs up to the rung it reached are kept. */
    PRUNED;

    /** The stored form: {@code queued}, {@code running}, {@code done} or {@code failed}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for {@link #DONE} and {@link #FAILED}. */
    public boolean finished() {
        return this == DONE || this == FAILED;
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
