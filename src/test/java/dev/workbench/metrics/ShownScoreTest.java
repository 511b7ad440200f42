package dev.workbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShownScoreTest {

    @Test
    void two_folds_are_too_few_for_an_interval() {
        ScoreSummary raw = ScoreSummary.of(List.of(0.666, 0.762));
        assertThat(raw.ci95High()).as("the raw t-interval leaves [0, 1]").isGreaterThan(1.0);
        ShownScore shown = ShownScore.of(raw, "val_accuracy");
        assertThat(shown.tooFewFolds()).isTrue();
        assertThat(shown.ci95Low()).isNull();
        assertThat(shown.ci95High()).isNull();
        assertThat(shown.mean()).isEqualTo(raw.mean());
    }

    @Test
    void accuracy_intervals_are_clipped_to_one_and_loss_intervals_to_zero() {
        ShownScore accuracy = ShownScore.of(ScoreSummary.of(List.of(0.99, 1.0, 0.8)), "val_accuracy");
        assertThat(accuracy.clipped()).isTrue();
        assertThat(accuracy.ci95High()).isEqualTo(1.0);
        assertThat(accuracy.ci95Low()).isBetween(0.0, accuracy.mean());

        ShownScore loss = ShownScore.of(ScoreSummary.of(List.of(0.01, 0.02, 0.4)), "val_loss");
        assertThat(loss.clipped()).isTrue();
        assertThat(loss.ci95Low()).isEqualTo(0.0);
        assertThat(loss.ci95High()).isGreaterThan(loss.mean());
    }

    @Test
    void an_interval_inside_the_range_is_shown_as_computed() {
        ScoreSummary raw = ScoreSummary.of(List.of(0.90, 0.91, 0.92));
        ShownScore shown = ShownScore.of(raw, "val_accuracy");
        assertThat(shown.clipped()).isFalse();
        assertThat(shown.tooFewFolds()).isFalse();
        assertThat(shown.ci95Low()).isEqualTo(raw.ci95Low());
        assertThat(shown.ci95High()).isEqualTo(raw.ci95High());
        assertThat(ShownScore.of(null, "val_accuracy")).isNull();
    }
}
