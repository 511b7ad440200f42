package dev.workbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArrayDataTest {

    @Test
    void ofCopiesTheArraysAndAdoptTakesThemOver() {
        float[] features = {0, 1, 10, 11, 20, 21};
        int[] labels = {0, 1, 2};
        ArrayData copied = ArrayData.of(1, 2, 1, 3, features, labels);
        ArrayData adopted = ArrayData.adopt(1, 2, 1, 3, features, labels);
        features[0] = 99;
        assertThat(copied.featuresView()).containsExactly(0, 1, 10, 11, 20, 21);
        assertThat(adopted.featuresView()).isSameAs(features);
        assertThat(new int[] {adopted.label(0), adopted.label(1), adopted.label(2)})
                .containsExactly(0, 1, 2);
        assertThat(adopted.count()).isEqualTo(3);
    }

    @Test
    void rejectsInconsistentArrays() {
        assertThatThrownBy(() -> ArrayData.of(2, 2, 1, 3, new float[7], new int[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 8 floats");
        assertThatThrownBy(() -> ArrayData.of(1, 1, 1, 3, new float[1], new int[] {3}))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
