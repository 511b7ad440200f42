package dev.workbench;

/**
 * Root of every error the workbench raises on purpose. Each carries the process exit code the CLI
 * should end with: 2 for bad input (spec, arguments, names), 1 for runtime failures.
 */
public class WorkbenchException extends RuntimeException {

    private final int exitCode;

    public WorkbenchException(String message) {
        this(message, 1, null);
    }

    public WorkbenchException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    protected WorkbenchException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The exit code a command line should end with for this error. */
    public int exitCode() {
        return exitCode;
    }
}
