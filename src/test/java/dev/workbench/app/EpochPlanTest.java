package dev.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The epochs a run trains in all, from the stored state, for grid, halving, TPE and the refit. */
class EpochPlanTest {

    private static final EpochPlan.Refit REFIT_OF_4 = new EpochPlan.Refit(4, false);

    /** {@code trials} trials of 2 folds each, every unit in the same state. */
    private static List<EpochPlan.Fold> folds(int trials, boolean alive, boolean settled, int resume, int stored) {
        List<EpochPlan.Fold> out = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            for (int f = 0; f < 2; f++) {
                out.add(new EpochPlan.Fold(t, alive, settled, resume, stored, 4));
            }
        }
        return out;
    }

    @Test
    void aFreshGridTrainsEveryFoldToTheEndAndTheRefit() {
        EpochPlan plan = EpochPlan.of(folds(3, true, false, 0, 0), 2, null, 0, REFIT_OF_4);
        assertThat(plan.total()).isEqualTo(3 * 2 * 4 + 4);
        assertThat(plan.kept()).isZero();
    }

    @Test
    void aFoldThatStoppedEarlyCountsTheEpochsItStored() {
        List<EpochPlan.Fold> folds = folds(1, true, false, 0, 0);
        folds.set(0, new EpochPlan.Fold(0, true, true, 0, 2, 4));
        assertThat(EpochPlan.of(folds, 2, null, 0, EpochPlan.Refit.NONE).total())
                .isEqualTo(2 + 4);
    }

    @Test
    void halvingCountsOnlyTheEpochsTheSurvivorsOfEachRungTrain() {
        // 4 trials, rungs at 1 and 2 of 4 epochs, factor 2: 4 trials to epoch 1, 2 to epoch 2, 1 to epoch 4
        EpochPlan.Halving halving = new EpochPlan.Halving(List.of(1, 2), 2, 4);
        EpochPlan fresh = EpochPlan.of(folds(4, true, false, 0, 0), 2, halving, 0, REFIT_OF_4);
        assertThat(fresh.total()).isEqualTo(2 * (4 + 2 + 2) + 4);

        // after the first rung: two trials pruned at epoch 1, two alive paused there, one rung open
        List<EpochPlan.Fold> after = new ArrayList<>(folds(2, false, true, 0, 1));
        after.addAll(folds(2, true, false, 1, 1).stream()
                .map(f -> new EpochPlan.Fold(f.trialIndex() + 2, true, false, 1, 1, 4))
                .toList());
        EpochPlan.Halving oneOpen = new EpochPlan.Halving(List.of(2), 2, 4);
        EpochPlan resumed = EpochPlan.of(after, 2, oneOpen, 0, REFIT_OF_4);
        assertThat(resumed.total()).as("the same total, now known rung by rung").isEqualTo(fresh.total());
        assertThat(resumed.kept()).as("every fold's first epoch stays").isEqualTo(8);
    }

    @Test
    void aHalvingRungThatKeepsOneOfTwoStillKeepsOne() {
        assertThat(new EpochPlan.Halving(List.of(1, 3), 3, 9).epochsPerFold(2))
                .as("2 to epoch 1, then max(1, 2/3) = 1 to 3 and to 9")
                .isEqualTo(2 + 2 + 6);
        assertThat(new EpochPlan.Halving(List.of(), 3, 9).epochsPerFold(1)).isEqualTo(9);
        assertThat(new EpochPlan.Halving(List.of(1), 3, 9).epochsPerFold(0)).isZero();
    }

    @Test
    void tpeCountsTheTrialsNotYetProposed() {
        // 3 startup trials stored of max_trials 7, 2 folds, 1 epoch: 4 more trials to come
        EpochPlan plan = EpochPlan.of(folds(3, true, false, 0, 0), 2, null, 4 * 2 * 4, REFIT_OF_4);
        assertThat(plan.total()).isEqualTo(7 * 2 * 4 + 4);
    }

    @Test
    void aUnitThatDiedMidWayTrainsAgainFromItsCheckpoint() {
        List<EpochPlan.Fold> folds = List.of(
                new EpochPlan.Fold(0, true, false, 0, 3, 4), // died after 3 epochs, no checkpoint: all 4 again
                new EpochPlan.Fold(0, true, false, 2, 3, 4), // died after 3, checkpoint at 2: 2 stay
                new EpochPlan.Fold(1, false, true, 0, 4, 4));
        EpochPlan plan = EpochPlan.of(folds, 2, null, 0, new EpochPlan.Refit(4, true));
        assertThat(plan.total()).isEqualTo(4 + 4 + 4 + 4);
        assertThat(plan.kept()).isEqualTo(2 + 4 + 4);
        assertThat(plan.left()).isEqualTo(6);
        assertThat(plan.trained())
                .as("every stored epoch, the dead units' included")
                .isEqualTo(3 + 3 + 4 + 4);
    }
}
