package dev.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DownsampleTest {

    @Test
    void short_curves_are_kept_whole() {
        assertThat(Downsample.lttb(new double[] {1, 2, 3}, new double[] {5, 6, 7}, 300))
                .containsExactly(0, 1, 2);
        assertThat(Downsample.stride(3, 300)).containsExactly(0, 1, 2);
    }

    @Test
    void lttb_keeps_the_first_and_last_point_and_a_lone_spike() {
        int n = 1000;
        double[] x = IntStream.rangeClosed(1, n).asDoubleStream().toArray();
        double[] y = new double[n];
        y[437] = 50;
        List<Integer> kept = Downsample.lttb(x, y, 100);
        assertThat(kept).hasSize(100).startsWith(0).endsWith(n - 1).contains(437);
        assertThat(kept).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void lttb_never_picks_a_non_finite_point_when_a_finite_one_is_in_its_bucket() {
        double[] x = IntStream.range(0, 10).asDoubleStream().toArray();
        double[] y = {1, Double.NaN, 2, Double.NaN, 3, Double.NaN, 4, Double.NaN, 5, 6};
        List<Integer> kept = Downsample.lttb(x, y, 6);
        assertThat(kept).hasSize(6).startsWith(0).endsWith(9);
        assertThat(kept.subList(1, 5)).allMatch(i -> Double.isFinite(y[i]));
    }

    @Test
    void stride_spaces_indices_evenly_and_keeps_the_last() {
        assertThat(Downsample.stride(11, 6)).containsExactly(0, 2, 4, 6, 8, 10);
        assertThat(Downsample.stride(30, 4)).containsExactly(0, 10, 19, 29);
        assertThat(Downsample.stride(5, 2)).containsExactly(0, 4);
    }
}
