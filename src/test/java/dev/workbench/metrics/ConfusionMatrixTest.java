package dev.workbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final ConfusionMatrix FOLD_A = ConfusionMatrix.of(3, new long[] {5, 1, 0, 0, 4, 2, 0, 0, 0});
    private static final ConfusionMatrix FOLD_B = ConfusionMatrix.of(3, new long[] {3, 0, 0, 1, 5, 0, 0, 1, 2});

    @Test
    void totals_diagonal_and_per_class_accuracy() {
        assertThat(FOLD_A.total()).isEqualTo(12);
        assertThat(FOLD_A.correct()).isEqualTo(9);
        assertThat(FOLD_A.accuracy()).isEqualTo(9 / 12.0);
        assertThat(FOLD_A.perClassAccuracy().subList(0, 2)).containsExactly(5 / 6.0, 4 / 6.0);
        assertThat(FOLD_A.perClassAccuracy().get(2)).isNaN(); // no rows of class 2
        assertThat(FOLD_A.count(1, 2)).isEqualTo(2);
        assertThat(FOLD_A.rows()).containsExactly(List.of(5L, 1L, 0L), List.of(0L, 4L, 2L), List.of(0L, 0L, 0L));
    }

    @Test
    void out_of_fold_sum_counts_every_fold_row_once() {
        ConfusionSummary oof = ConfusionSummary.sum(List.of(FOLD_A, FOLD_B));
        assertThat(oof.total()).isEqualTo(FOLD_A.total() + FOLD_B.total()).isEqualTo(24);
        assertThat(oof.correct()).isEqualTo(9 + 10);
        assertThat(oof.matrix().get(0)).containsExactly(8L, 1L, 0L);
        assertThat(oof.parts()).isEqualTo(2);
        assertThat(oof.perClassAccuracy().get(2)).isEqualTo(2 / 3.0);
    }

    @Test
    void rejects_mismatched_shapes() {
        assertThatThrownBy(() -> ConfusionMatrix.of(2, new long[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FOLD_A.plus(ConfusionMatrix.empty(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_diagnosis_orders_mistakes_most_confident_first() {
        Diagnosis d = new Diagnosis(
                FOLD_A, List.of(new Mistake(4, 1, 2, 0.6), new Mistake(9, 0, 1, 0.9), new Mistake(2, 1, 2, 0.6)));
        assertThat(d.mistakes()).extracting(Mistake::row).containsExactly(9, 2, 4);
    }
}
