package dev.workbench;

/** A dataset could not be fetched, read or verified (missing, truncated or mismatched files). Exit code 1. */
public class DataException extends WorkbenchException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
