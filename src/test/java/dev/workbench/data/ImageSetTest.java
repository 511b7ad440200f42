package dev.workbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageSetTest {

    /** Three 2x2 images whose pixels are 10*image + offset. */
    private static ImageSet threeImages() {
        byte[] pixels = new byte[12];
        for (int i = 0; i < 12; i++) {
            pixels[i] = (byte) (10 * (i / 4) + i % 4);
        }
        return ImageSet.of(2, 2, 1, pixels, new int[] {2, 0, 2});
    }

    @Test
    void exposesShapeLabelsAndCounts() {
        ImageSet set = threeImages();

        assertThat(set.count()).isEqualTo(3);
        assertThat(set.pixelsPerImage()).isEqualTo(4);
        assertThat(set.numClasses()).isEqualTo(3);
        assertThat(set.labelCounts()).containsExactly(1, 0, 2);
        assertThat(set.pixel(2, 3)).isEqualTo(23);
    }

    @Test
    void selectCopiesChosenImagesInOrder() {
        ImageSet chosen = threeImages().select(new int[] {2, 0, 2});

        assertThat(chosen.count()).isEqualTo(3);
        assertThat(chosen.labels()).containsExactly(2, 2, 2);
        assertThat(chosen.pixel(0, 1)).isEqualTo(21);
        assertThat(chosen.pixel(1, 1)).isEqualTo(1);
        assertThatThrownBy(() -> threeImages().select(new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copyPixelsWritesRawValuesAsFloats() {
        float[] dest = new float[6];
        threeImages().copyPixels(1, dest, 2);

        assertThat(dest).containsExactly(0f, 0f, 10f, 11f, 12f, 13f);
        assertThatThrownBy(() -> threeImages().copyPixels(0, dest, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void isImmutable() {
        byte[] pixels = new byte[4];
        int[] labels = {1};
        ImageSet set = ImageSet.of(2, 2, 1, pixels, labels);
        pixels[0] = 9;
        labels[0] = 5;
        set.labels()[0] = 7;

        assertThat(set.pixel(0, 0)).isZero();
        assertThat(set.label(0)).isEqualTo(1);
    }

    @Test
    void rejectsInconsistentArrays() {
        assertThatThrownBy(() -> ImageSet.of(2, 2, 1, new byte[5], new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 4 pixel bytes");
        assertThatThrownBy(() -> ImageSet.of(2, 2, 1, new byte[4], new int[] {-1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> threeImages().pixel(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
