package dev.workbench.app;

import dev.workbench.metrics.EpochDifference;

/**
 * The result of re-running a trial from its stored seeds.
 *
 * @param fold       the fold re-run, or null for all
 * @param folds      how many folds were compared
 * @param epochs     how many stored epochs were compared
 * @param difference the first difference, or null when identical
 * @param failure    why a fold's re-run stopped with an error (it then has fewer epochs); null otherwise
 */
public record ReproduceOutcome(
        String experiment, int trial, Integer fold, int folds, int epochs, EpochDifference difference, String failure) {

    public boolean identical() {
        return difference == null;
    }

    /** "identical ..." or the first difference, in one line. */
    public String detail() {
        return identical()
                ? "identical: " + folds + " fold(s), " + epochs + " epoch(s), every metric bit for bit"
                : difference.describe() + (failure == null ? "" : " (the re-run failed: " + failure + ")");
    }
}
