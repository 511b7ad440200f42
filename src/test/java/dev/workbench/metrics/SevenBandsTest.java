package dev.workbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SevenBandsTest {

    @Test
    void bounds_are_min_the_sevenths_and_max_by_nearest_rank() {
        float[] values = new float[15];
        for (int i = 0; i < values.length; i++) {
            values[i] = 14 - i; // 14 … 0, unsorted input
        }
        SevenBands bands = SevenBands.of(values);
        // n = 15: index round(k · 14 / 7) = 2k
        assertThat(bands.bounds()).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0);
        assertThat(bands.nonFinite()).isZero();
        assertThat(values[0]).isEqualTo(14f); // input untouched
    }

    @Test
    void one_value_gives_eight_equal_bounds_and_non_finite_values_are_counted_not_ranked() {
        SevenBands bands = SevenBands.of(new float[] {Float.NaN, 3f, Float.POSITIVE_INFINITY});
        assertThat(bands.bounds()).containsOnly(3.0).hasSize(8);
        assertThat(bands.nonFinite()).isEqualTo(2);
        assertThat(SevenBands.of(new float[] {Float.NaN}).bounds()).allMatch(b -> b.isNaN());
    }

    @Test
    void a_spread_is_alarming_beyond_the_warning_magnitude_or_with_nan() {
        LayerSpread calm = new LayerSpread(1, 0, "dense", "W", 2, SevenBands.of(new float[] {-99f, 99f}), 0.5);
        LayerSpread wide = new LayerSpread(1, 0, "dense", "W", 2, SevenBands.of(new float[] {-101f, 1f}), 0.5);
        LayerSpread nan = new LayerSpread(1, 0, "dense", "b", 2, SevenBands.of(new float[] {Float.NaN, 1f}), 0.5);
        assertThat(calm.alarming()).isFalse();
        assertThat(wide.alarming()).isTrue();
        assertThat(nan.alarming()).isTrue();
        assertThat(wide.bands().maxAbs()).isEqualTo(101.0);
        assertThat(List.of(calm, wide, nan)).extracting(LayerSpread::param).containsExactly("W", "W", "b");
    }
}
