package dev.workbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    @Test
    void matches_the_textbook_paired_t_test() {
        // differences 0.02, 0.03, 0.01, 0.04: mean 0.025, sd 0.012910, t = 0.025 / (0.012910 / 2) = 3.8730, df 3
        PairedComparison t = PairedComparison.of(List.of(0.92, 0.93, 0.91, 0.94), List.of(0.90, 0.90, 0.90, 0.90));
        assertThat(t.n()).isEqualTo(4);
        assertThat(t.meanDifference()).isCloseTo(0.025, offset(1e-12));
        assertThat(t.t()).isCloseTo(3.8730, offset(1e-4));
        assertThat(t.pValue()).isCloseTo(0.03047, offset(1e-4));
        assertThat(t.significant()).isTrue();
        assertThat(t.verdict()).isEqualTo("significant at the 5% level (p = 0.0305, n = 4 folds)");
    }

    @Test
    void a_gap_that_changes_sign_across_folds_is_not_significant() {
        PairedComparison t = PairedComparison.of(List.of(0.90, 0.95, 0.88), List.of(0.92, 0.91, 0.89));
        assertThat(t.pValue()).isBetween(0.05, 1.0);
        assertThat(t.significant()).isFalse();
        assertThat(t.verdict()).startsWith("not significant at the 5% level (p = ");
    }

    @Test
    void fewer_than_two_folds_cannot_be_tested() {
        PairedComparison one = PairedComparison.of(List.of(0.9), List.of(0.8));
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.meanDifference()).isCloseTo(0.1, offset(1e-12));
        assertThat(one.pValue()).isNaN();
        assertThat(one.significant()).isFalse();
        assertThat(one.verdict()).isEqualTo("not enough paired folds (n = 1): a paired test needs at least 2");
        assertThat(PairedComparison.of(List.of(), List.of()).meanDifference()).isNaN();
    }

    @Test
    void identical_scores_are_no_difference_and_a_constant_gap_is_significant() {
        PairedComparison same = PairedComparison.of(List.of(0.9, 0.8, 0.7), List.of(0.9, 0.8, 0.7));
        assertThat(same.pValue()).isEqualTo(1.0);
        assertThat(same.significant()).isFalse();
        assertThat(same.verdict()).isEqualTo("identical scores on every fold: no difference");
        PairedComparison constant = PairedComparison.of(List.of(0.75, 0.5, 0.25), List.of(0.5, 0.25, 0.0));
        assertThat(constant.t()).isPositive().isInfinite();
        assertThat(constant.pValue()).isZero();
        assertThat(constant.significant()).isTrue();
    }

    @Test
    void lists_of_different_length_are_refused() {
        assertThatThrownBy(() -> PairedComparison.of(List.of(1.0, 2.0), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 and 1");
    }
}
