package dev.workbench;

/** The user asked for something that cannot be done as asked: a bad argument, an unknown name. Exit code 2. */
public class UserInputException extends WorkbenchException {

    public UserInputException(String message) {
        super(message, 2, null);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, 2, cause);
    }
}
