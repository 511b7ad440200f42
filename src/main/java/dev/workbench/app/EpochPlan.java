package dev.workbench.app;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The epochs an experiment trains in all, from its first fold epoch to its refit's last, as far as its stored
 * state tells, and how many of them were already trained. Settled fold units count the epochs they stored;
 * the others the epochs their trial trains. With successive halving the alive trials are projected over the
 * open rungs (each keeps the best {@code n / reduction_factor}, at least one, as the rung barrier does), so
 * pruned trials never count past their rung. TPE trials not yet proposed, and the refit, count from the start.
 *
 * @param total   epochs of every fold unit and of the refit, trained or still to train
 * @param kept    epochs trained that stay (a unit that died mid-way trains again from its checkpoint, or from 0)
 * @param trained epochs stored now, by any process (those of units in progress included)
 */
record EpochPlan(long total, long kept, long trained) {

    /**
     * A fold unit as planned.
     *
     * @param epochs the epochs its trial trains ({@code training.epochs}, an upper bound with early stopping)
     */
    record Fold(int trialIndex, boolean trialAlive, boolean settled, int resumeEpoch, int storedEpochs, int epochs) {}

    /** Successive halving: the epochs of the rungs still open, ascending; the epochs a surviving trial trains. */
    record Halving(List<Integer> openRungs, int reductionFactor, int epochs) {

        Halving {
            openRungs = List.copyOf(openRungs);
        }

        /** Epochs per fold that {@code alive} trials train in all, from epoch 0, through the open rungs. */
        long epochsPerFold(int alive) {
            if (openRungs.isEmpty()) {
                return (long) alive * epochs;
            }
            long sum = (long) alive * openRungs.get(0);
            for (int i = 0; i < openRungs.size(); i++) {
                alive = alive == 0 ? 0 : Math.max(1, alive / reductionFactor);
                int next = i + 1 < openRungs.size() ? openRungs.get(i + 1) : epochs;
                sum += (long) alive * (next - openRungs.get(i));
            }
            return sum;
        }
    }

    /** The refit's epochs (trained, or to train) and whether it is over. */
    record Refit(long epochs, boolean over) {

        static final Refit NONE = new Refit(0, true);
    }

    /** Epochs still to train. */
    long left() {
        return total - kept;
    }

    /**
     * The plan of {@code folds} ({@code foldsPerTrial} per trial), with {@code halving} (null without pruning),
     * {@code futureEpochs} for the trials not yet proposed, and the refit.
     */
    static EpochPlan of(List<Fold> folds, int foldsPerTrial, Halving halving, long futureEpochs, Refit refit) {
        long total = futureEpochs + refit.epochs();
        long kept = refit.over() ? refit.epochs() : 0;
        long trained = kept;
        Set<Integer> alive = new TreeSet<>();
        for (Fold f : folds) {
            kept += f.settled() ? f.storedEpochs() : f.resumeEpoch();
            trained += f.storedEpochs();
            if (halving != null && f.trialAlive()) {
                alive.add(f.trialIndex());
            } else {
                total += f.settled() ? f.storedEpochs() : f.epochs();
            }
        }
        if (halving != null) {
            total += foldsPerTrial * halving.epochsPerFold(alive.size());
        }
        return new EpochPlan(total, kept, trained);
    }
}
