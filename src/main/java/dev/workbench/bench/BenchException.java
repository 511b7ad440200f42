package dev.workbench.bench;

import dev.workbench.WorkbenchException;

/** A benchmark step could not run, e.g. a child process failed (exit code 1). */
public class BenchException extends WorkbenchException {

    public BenchException(String message) {
        super(message);
    }
}
