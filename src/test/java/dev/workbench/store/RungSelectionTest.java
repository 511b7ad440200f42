package dev.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which trials continue past a rung: best 1/rf by the fold-mean objective, at least one, ties by index. */
class RungSelectionTest {

    private static RungSelection.Ranked r(int index, double score) {
        return new RungSelection.Ranked(index, 100 + index, score);
    }

    private static List<Integer> kept(List<RungSelection.Ranked> trials, boolean maximize, int rf) {
        return RungSelection.survivors(trials, maximize, rf).stream()
                .map(RungSelection.Ranked::trialIndex)
                .toList();
    }

    @Test
    void keepsTheBestThirdByTheGoal() {
        List<RungSelection.Ranked> nine = List.of(
                r(0, 0.5), r(1, 0.9), r(2, 0.1), r(3, 0.7), r(4, 0.8), r(5, 0.2), r(6, 0.3), r(7, 0.6), r(8, 0.4));
        assertThat(kept(nine, true, 3)).containsExactly(1, 4, 3);
        assertThat(kept(nine, false, 3)).containsExactly(2, 5, 6);
        assertThat(kept(nine, true, 2)).containsExactly(1, 4, 3, 7);
    }

    @Test
    void keepsAtLeastOneAndBreaksTiesByTrialIndex() {
        assertThat(kept(List.of(r(4, 0.5), r(2, 0.5)), true, 3)).containsExactly(2);
        assertThat(kept(List.of(r(3, 0.5), r(1, 0.5), r(0, 0.4)), true, 2)).containsExactly(1);
        assertThat(kept(List.of(r(0, 0.1)), true, 4)).containsExactly(0);
        assertThat(kept(List.of(), true, 3)).isEmpty();
    }

    @Test
    void nanRanksLastWhateverTheGoal() {
        List<RungSelection.Ranked> trials = List.of(r(0, Double.NaN), r(1, 0.2), r(2, 0.3), r(3, Double.NaN));
        assertThat(kept(trials, true, 2)).containsExactly(2, 1);
        assertThat(kept(trials, false, 2)).containsExactly(1, 2);
    }

    @Test
    void theFoldMeanSumsInFoldOrder() {
        assertThat(RungSelection.foldMean(List.of(0.1, 0.2, 0.3))).isEqualTo((0.1 + 0.2 + 0.3) / 3);
        assertThat(RungSelection.foldMean(List.of())).isNaN();
    }
}
