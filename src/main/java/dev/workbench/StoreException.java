package dev.workbench;

/** The results database could not be opened, migrated, read or written. Exit code 1. */
public class StoreException extends WorkbenchException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
