package dev.workbench.export;

import dev.workbench.WorkbenchException;

/** An export could not be written or failed its reload check (exit code 1); nothing was left behind. */
public class ExportException extends WorkbenchException {

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
