package dev.workbench.app;

/**
 * How to run an experiment.
 *
 * @param parallel   how many (trial, fold) units train at once, each on its own thread
 * @param forceNew   store the spec as a new experiment even if one of that name exists
 */
public record RunOptions(int parallel, boolean forceNew) {

    public RunOptions {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
    }
}
