package dev.workbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImpurityImportanceTest {

    /** 40 points of three features; the target is a step in feature 1 plus a little of feature 2 and noise. */
    private static List<List<Double>> rows(List<Double> y) {
        SplittableRandom random = new SplittableRandom(3);
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<Double> row =
                    List.of(random.nextDouble(), Math.pow(10, -4 + 3 * random.nextDouble()), random.nextDouble());
            rows.add(row);
            y.add((row.get(1) > 0.01 ? 0.9 : 0.2) + 0.05 * row.get(2) + 0.01 * random.nextDouble());
        }
        return rows;
    }

    @Test
    void the_feature_that_drives_the_target_ranks_first_and_the_shares_sum_to_one() {
        List<Double> y = new ArrayList<>();
        List<Double> shares = ImpurityImportance.of(rows(y), y, 0);
        assertThat(shares).hasSize(3);
        assertThat(shares.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(shares.get(1))
                .isGreaterThan(0.8)
                .isGreaterThan(shares.get(0))
                .isGreaterThan(shares.get(2));
        assertThat(shares.get(2)).as("the small real effect beats no effect").isGreaterThan(shares.get(0) / 2);
    }

    @Test
    void the_same_rows_and_seed_give_the_same_importances() {
        List<Double> y = new ArrayList<>();
        List<List<Double>> rows = rows(y);
        assertThat(ImpurityImportance.of(rows, y, 7)).isEqualTo(ImpurityImportance.of(rows, y, 7));
    }

    @Test
    void a_constant_target_credits_no_feature() {
        List<List<Double>> rows = List.of(List.of(1.0, 2.0), List.of(2.0, 1.0), List.of(3.0, 3.0));
        assertThat(ImpurityImportance.of(rows, List.of(0.5, 0.5, 0.5), 0)).containsExactly(0.0, 0.0);
    }

    @Test
    void rows_and_targets_must_match() {
        assertThatThrownBy(() -> ImpurityImportance.of(List.of(List.of(1.0)), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
