package dev.workbench.spec;

/**
 * What ranks trials: the mean over folds of {@code metric} at each fold's final epoch. The goal
 * defaults to maximize for accuracies and minimize for losses.
 */
public record ObjectiveSpec(String metric, Goal goal) {

    public ObjectiveSpec {
        metric = metric == null ? "val_accuracy" : metric;
        goal = goal == null ? (metric.endsWith("loss") ? Goal.MINIMIZE : Goal.MAXIMIZE) : goal;
    }

    /** True when the better of two scores is the larger. */
    public boolean maximize() {
        return goal == Goal.MAXIMIZE;
    }

    /** Optimisation direction. */
    public enum Goal {
        MAXIMIZE,
        MINIMIZE
    }
}
