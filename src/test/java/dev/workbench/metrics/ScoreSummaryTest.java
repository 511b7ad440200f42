package dev.workbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreSummaryTest {

    @Test
    void three_folds_use_the_student_t_quantile_with_two_degrees_of_freedom() {
        ScoreSummary s = ScoreSummary.of(List.of(0.90, 0.92, 0.94));
        assertThat(s.mean()).isCloseTo(0.92, offset(1e-12));
        assertThat(s.std()).isCloseTo(0.02, offset(1e-12));
        double half = 4.302652729911275 * 0.02 / Math.sqrt(3);
        assertThat(s.ci95Low()).isCloseTo(0.92 - half, offset(1e-9));
        assertThat(s.ci95High()).isCloseTo(0.92 + half, offset(1e-9));
        assertThat(s.n()).isEqualTo(3);
    }

    @Test
    void more_folds_give_a_narrower_interval_for_the_same_spread() {
        ScoreSummary five = ScoreSummary.of(List.of(0.90, 0.94, 0.90, 0.94, 0.92));
        assertThat(five.ci95High() - five.ci95Low())
                .isCloseTo(2 * 2.7764451051977987 * five.std() / Math.sqrt(5), offset(1e-9));
    }

    @Test
    void one_score_has_no_spread_and_none_is_an_error() {
        ScoreSummary one = ScoreSummary.of(List.of(0.5));
        assertThat(one.std()).isZero();
        assertThat(one.ci95Low()).isEqualTo(0.5).isEqualTo(one.ci95High());
        assertThatThrownBy(() -> ScoreSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void epoch_metrics_name_their_fields_like_the_spec() {
        EpochMetrics m = new EpochMetrics(1, 0.5, 0.8, 0.6, 0.7, 0.01, 1.0);
        assertThat(m.metric("val_accuracy")).isEqualTo(0.7);
        assertThat(m.metric("val_loss")).isEqualTo(0.6);
        assertThat(m.hasNonFinite()).isFalse();
        assertThat(new EpochMetrics(2, Double.NaN, 0.1, 0.1, 0.1, 0.1, 1).hasNonFinite())
                .isTrue();
        assertThatThrownBy(() -> new EpochMetrics(0, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
