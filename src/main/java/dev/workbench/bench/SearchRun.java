package dev.workbench.bench;

import java.util.List;

/**
 * One search run of the benchmark, ours or Optuna's, reduced to what the table shows.
 *
 * @param seed      the experiment seed; null for the grid, which draws nothing
 * @param trials    trials that ended with a score (done or, for Optuna, complete)
 * @param epochs    epochs trained over all folds and trials, pruned ones included
 * @param seconds   wall time of the whole process, start to exit
 * @param reached   the runs's trials with a final score, in the order they ended
 */
record SearchRun(String name, Long seed, int trials, long epochs, double seconds, List<Reached> reached) {

    SearchRun {
        reached = List.copyOf(reached);
    }

    /**
     * A trial's final score, when it ended (seconds after its process started) and the epochs trained by then.
     */
    record Reached(double score, double seconds, long epochsBefore) {}

    /** The best final score, maximizing or minimizing; NaN when no trial ended with one. */
    double best(boolean maximize) {
        return reached.stream()
                .mapToDouble(Reached::score)
                .reduce(maximize ? Math::max : Math::min)
                .orElse(Double.NaN);
    }

    /** The first trial, in the order they ended, whose score is at least {@code target} (at most, minimizing). */
    Reached first(double target, boolean maximize) {
        return reached.stream()
                .filter(r -> maximize ? r.score() >= target : r.score() <= target)
                .findFirst()
                .orElse(null);
    }
}
