package dev.workbench.cli;

import dev.workbench.UserInputException;

/** Parses {@code --parallel N|auto}: a positive count, or auto = the number of CPU cores. */
final class Parallelism {

    private Parallelism() {}

    static int threads(String parallel) {
        if ("auto".equals(parallel)) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(parallel);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("--parallel: expected a positive integer or 'auto', got '" + parallel + "'");
    }

    /** Checks {@code --lease SECONDS}: at least one second. */
    static int lease(int seconds) {
        if (seconds < 1) {
            throw new UserInputException("--lease: expected a number of seconds of at least 1, got " + seconds);
        }
        return seconds;
    }
}
