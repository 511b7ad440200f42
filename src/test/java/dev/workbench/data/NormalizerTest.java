package dev.workbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.workbench.UserInputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    private static final int[] ALL = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final int[] FIRST_SIX = {0, 1, 2, 3, 4, 5};

    /** Ten 4x4 images; images 6..9 are all 255 so they would skew any statistic that used them. */
    private static ImageSet images() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] pixels = new byte[10 * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i < 6 * 16 ? random.nextInt(256) : 255);
        }
        return ImageSet.of(4, 4, 1, pixels, new int[10]);
    }

    @Test
    void scaleDividesBy255() {
        ImageSet set = images();
        Normalizer scale = Normalizer.fit(Normalization.SCALE, set, ALL);

        float[] out = scale.apply(set, ALL);

        assertThat(out).hasSize(160);
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
        }
        assertThat(out[17]).isEqualTo(set.pixel(1, 1) / 255f);
        assertThat(out[159]).isEqualTo(1f);
        assertThat(scale.means()).containsOnly(0f);
        assertThat(scale.std()).isEqualTo(1f);
    }

    @Test
    void standardizeCentresAndScalesTheFittedRows() {
        ImageSet set = images();
        Normalizer standardize = Normalizer.fit(Normalization.STANDARDIZE, set, FIRST_SIX);

        float[] out = standardize.apply(set, FIRST_SIX);

        double squares = 0;
        for (int p = 0; p < 16; p++) {
            double mean = 0;
            for (int r = 0; r < 6; r++) {
                mean += out[r * 16 + p] / 6.0;
                squares += out[r * 16 + p] * (double) out[r * 16 + p];
            }
            assertThat(mean).as("pixel %d mean", p).isCloseTo(0, within(1e-5));
        }
        assertThat(Math.sqrt(squares / (6 * 16))).isCloseTo(1, within(1e-5));
    }

    @Test
    void standardizeUsesOnlyTheFittedRows() {
        ImageSet set = images();
        Normalizer fitted = Normalizer.fit(Normalization.STANDARDIZE, set, FIRST_SIX);
        Normalizer onSubset = Normalizer.fit(Normalization.STANDARDIZE, set.select(FIRST_SIX), FIRST_SIX);

        assertThat(fitted.means()).containsExactly(onSubset.means());
        assertThat(fitted.std()).isEqualTo(onSubset.std());
        double expectedMean0 = 0;
        for (int r : FIRST_SIX) {
            expectedMean0 += set.pixel(r, 0) / 255.0 / 6;
        }
        assertThat((double) fitted.mean(0)).isCloseTo(expectedMean0, within(1e-6));
        assertThat(Normalizer.fit(Normalization.STANDARDIZE, set, ALL).mean(0)).isNotEqualTo(fitted.mean(0));
    }

    @Test
    void constantImagesDoNotDivideByZero() {
        ImageSet flat = ImageSet.of(2, 2, 1, new byte[] {7, 7, 7, 7, 7, 7, 7, 7}, new int[2]);
        Normalizer standardize = Normalizer.fit(Normalization.STANDARDIZE, flat, new int[] {0, 1});

        assertThat(standardize.std()).isEqualTo(1f);
        assertThat(standardize.apply(flat, new int[] {1})).containsOnly(0f);
    }

    @Test
    void storedParametersRebuildTheSameNormalizer() {
        ImageSet set = images();
        Normalizer fitted = Normalizer.fit(Normalization.STANDARDIZE, set, FIRST_SIX);
        Normalizer rebuilt = Normalizer.of(fitted.mode(), fitted.means(), fitted.std());

        assertThat(rebuilt.apply(set, ALL)).containsExactly(fitted.apply(set, ALL));
        assertThat(rebuilt.pixelsPerImage()).isEqualTo(16);
        float[] row = new float[18];
        fitted.applyTo(set, 9, row, 2);
        assertThat(row[2]).isEqualTo(fitted.apply(set, new int[] {9})[0]);
    }

    @Test
    void rejectsMismatchedInputs() {
        ImageSet set = images();
        Normalizer fitted = Normalizer.fit(Normalization.SCALE, set, ALL);
        ImageSet other = ImageSet.of(2, 2, 1, new byte[4], new int[1]);

        assertThatThrownBy(() -> fitted.apply(other, new int[] {0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Normalizer.fit(Normalization.STANDARDIZE, set, new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Normalizer.of(Normalization.SCALE, new float[4], 0f))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesSpecSpelling() {
        assertThat(Normalization.parse("Standardize")).isEqualTo(Normalization.STANDARDIZE);
        assertThat(Normalization.SCALE.specName()).isEqualTo("scale");
        assertThatThrownBy(() -> Normalization.parse("zscore"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("zscore");
    }
}
