package dev.workbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArrayDataTest {

    @Test
    void selectsRowsWithTheirLabels() {
        float[] features = {0, 1, 10, 11, 20, 21};
        ArrayData data = ArrayData.of(1, 2, 1, 3, features, new int[] {0, 1, 2});
        features[0] = 99; // copied in
        ArrayData picked = data.select(new int[] {2, 0, 2});
        assertThat(picked.count()).isEqualTo(3);
        assertThat(picked.featuresView()).containsExactly(20, 21, 0, 1, 20, 21);
        assertThat(new int[] {picked.label(0), picked.label(1), picked.label(2)}).containsExactly(2, 0, 2);
    }

    @Test
    void rejectsInconsistentArrays() {
        assertThatThrownBy(() -> ArrayData.of(2, 2, 1, 3, new float[7], new int[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 8 floats");
        assertThatThrownBy(() -> ArrayData.of(1, 1, 1, 3, new float[1], new int[] {3}))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
