package dev.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitImageTest {

    /** A 28×28 MNIST-style image: a bar 20 pixels tall and 6 wide whose centre of mass is the image centre. */
    private static double[] mnistLike() {
        double[] image = new double[28 * 28];
        for (int y = 4; y < 24; y++) {
            for (int x = 11; x < 17; x++) {
                image[y * 28 + x] = 200 + x;
            }
        }
        return image;
    }

    private static byte[] bytes(double[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) Math.round(values[i]);
        }
        return out;
    }

    @Test
    void anImageAlreadyInMnistLayoutMapsOntoItself() {
        assertThat(DigitImage.prepare(mnistLike(), 28, 28, 28, 28)).isEqualTo(bytes(mnistLike()));
    }

    @Test
    void inkOnPaperIsInvertedBack() {
        double[] paper = mnistLike();
        for (int i = 0; i < paper.length; i++) {
            paper[i] = 255 - paper[i];
        }
        assertThat(DigitImage.prepare(paper, 28, 28, 28, 28)).isEqualTo(bytes(mnistLike()));
    }

    @Test
    void aLargerPictureWithMarginsIsCroppedToTheInkAndAveragedDown() {
        double[] source = mnistLike();
        int w = 28 * 4 + 30;
        int h = 28 * 4 + 10;
        double[] big = new double[w * h];
        for (int y = 0; y < 28 * 4; y++) {
            for (int x = 0; x < 28 * 4; x++) {
                big[(y + 7) * w + x + 21] = source[(y / 4) * 28 + x / 4];
            }
        }
        assertThat(DigitImage.prepare(big, w, h, 28, 28)).isEqualTo(bytes(mnistLike()));
    }

    @Test
    void aBlankPictureStaysBlank() {
        assertThat(DigitImage.prepare(new double[40 * 30], 40, 30, 28, 28)).containsOnly(0);
    }
}
