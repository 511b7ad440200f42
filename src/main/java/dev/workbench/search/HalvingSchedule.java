package dev.workbench.search;

import dev.workbench.spec.PruningSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The rungs of successive halving: epochs {@code min_epochs × reduction_factor^k} below {@code training.epochs}.
 * The trials still alive after the last rung train to {@code training.epochs}, the cap.
 */
public final class HalvingSchedule {

    private HalvingSchedule() {}

    /** The barrier epochs in order, each below {@code epochs}; at least one when {@code minEpochs < epochs}. */
    public static List<Integer> rungs(int minEpochs, int reductionFactor, int epochs) {
        if (minEpochs < 1 || reductionFactor < 2) {
            throw new IllegalArgumentException("min_epochs >= 1 and reduction_factor >= 2 needed");
        }
        List<Integer> out = new ArrayList<>();
        for (long epoch = minEpochs; epoch < epochs; epoch *= reductionFactor) {
            out.add((int) epoch);
        }
        return List.copyOf(out);
    }

    /** The rungs of a spec's pruning settings for {@code epochs} epochs per trial. */
    public static List<Integer> rungs(PruningSpec pruning, int epochs) {
        return rungs(pruning.minEpochsOrDefault(), pruning.reductionFactorOrDefault(), epochs);
    }
}
