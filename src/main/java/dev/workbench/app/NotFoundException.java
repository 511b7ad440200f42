package dev.workbench.app;

import dev.workbench.UserInputException;

/** The request names an experiment or trial that does not exist; answered with 404. */
public class NotFoundException extends UserInputException {

    public NotFoundException(String message) {
        super(message);
    }
}
