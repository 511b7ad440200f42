package dev.workbench.train;

import dev.workbench.WorkbenchException;

/** Training a unit failed at run time, e.g. its loss diverged to NaN (exit code 1). */
public class TrainingException extends WorkbenchException {

    public TrainingException(String message) {
        super(message);
    }
}
