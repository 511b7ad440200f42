package dev.workbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.DataException;
import dev.workbench.testing.SyntheticMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsWhatTheSyntheticWriterWrote() throws IOException {
        SyntheticMnist.write(dir, 50, 20, 7);
        ImageSet train =
                IdxReader.read(dir.resolve(SyntheticMnist.TRAIN_IMAGES), dir.resolve(SyntheticMnist.TRAIN_LABELS));

        assertThat(train.count()).isEqualTo(50);
        assertThat(train.height()).isEqualTo(28);
        assertThat(train.width()).isEqualTo(28);
        assertThat(train.channels()).isEqualTo(1);
        assertThat(train.pixelsPerImage()).isEqualTo(784);
        assertThat(train.numClasses()).isEqualTo(10);
        assertThat(train.labelCounts()).containsOnly(5);
        byte[] raw = Files.readAllBytes(dir.resolve(SyntheticMnist.TRAIN_IMAGES));
        for (int image : new int[] {0, 17, 49}) {
            for (int p = 0; p < 784; p += 13) {
                assertThat(train.pixel(image, p)).isEqualTo(raw[16 + image * 784 + p] & 0xFF);
            }
        }
        byte[] rawLabels = Files.readAllBytes(dir.resolve(SyntheticMnist.TRAIN_LABELS));
        assertThat(train.label(3)).isEqualTo((int) rawLabels[8 + 3]);
        assertThat(IdxReader.readLabels(dir.resolve(SyntheticMnist.TRAIN_LABELS)))
                .isEqualTo(train.labels());
    }

    @Test
    void keepsUnsignedPixelValuesAndHeaderShape() {
        byte[] pixels = {0, 1, (byte) 127, (byte) 128, (byte) 200, (byte) 255};
        SyntheticMnist.writeImages(dir.resolve("img"), 2, 1, 3, pixels);
        SyntheticMnist.writeLabels(dir.resolve("lbl"), new int[] {0, 255});

        ImageSet set = IdxReader.read(dir.resolve("img"), dir.resolve("lbl"));

        assertThat(set.height()).isEqualTo(1);
        assertThat(set.width()).isEqualTo(3);
        assertThat(set.pixel(1, 0)).isEqualTo(128);
        assertThat(set.pixel(1, 2)).isEqualTo(255);
        assertThat(set.label(1)).isEqualTo(255);
    }

    @Test
    void missingFileIsNamed() {
        SyntheticMnist.writeLabels(dir.resolve("lbl"), new int[] {1});

        assertThatThrownBy(() -> IdxReader.read(dir.resolve("no-such-images"), dir.resolve("lbl")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("no-such-images")
                .hasMessageContaining("not found");
    }

    @Test
    void wrongMagicIsNamed() {
        SyntheticMnist.writeLabels(dir.resolve("lbl"), new int[] {1, 2});

        assertThatThrownBy(() -> IdxReader.read(dir.resolve("lbl"), dir.resolve("lbl")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("lbl")
                .hasMessageContaining("magic 0x00000801, expected 0x00000803");
        SyntheticMnist.writeIdx(dir.resolve("gz"), 0x1f8b0800, new int[] {1}, new byte[1]);
        assertThatThrownBy(() -> IdxReader.readLabels(dir.resolve("gz")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("gz")
                .hasMessageContaining("magic");
    }

    @Test
    void truncatedPayloadIsNamed() {
        SyntheticMnist.writeImages(dir.resolve("short-images"), 10, 28, 28, new byte[9 * 784 + 100]);
        SyntheticMnist.writeLabels(dir.resolve("lbl"), new int[10]);

        assertThatThrownBy(() -> IdxReader.read(dir.resolve("short-images"), dir.resolve("lbl")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("short-images")
                .hasMessageContaining("truncated")
                .hasMessageContaining("10 images of 28x28");
    }

    @Test
    void truncatedHeaderIsNamed() throws IOException {
        Files.write(dir.resolve("tiny"), new byte[] {0, 0, 8, 3, 0});

        assertThatThrownBy(() -> IdxReader.read(dir.resolve("tiny"), dir.resolve("tiny")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("tiny")
                .hasMessageContaining("truncated");
    }

    @Test
    void truncatedLabelsAreNamed() {
        SyntheticMnist.writeIdx(dir.resolve("short-labels"), SyntheticMnist.LABELS_MAGIC, new int[] {5}, new byte[3]);

        assertThatThrownBy(() -> IdxReader.readLabels(dir.resolve("short-labels")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("short-labels")
                .hasMessageContaining("truncated");
    }

    @Test
    void trailingBytesAreAnError() {
        SyntheticMnist.writeIdx(dir.resolve("long-labels"), SyntheticMnist.LABELS_MAGIC, new int[] {2}, new byte[5]);

        assertThatThrownBy(() -> IdxReader.readLabels(dir.resolve("long-labels")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("long-labels")
                .hasMessageContaining("3 extra trailing bytes");
    }

    @Test
    void countMismatchNamesBothFiles() {
        SyntheticMnist.writeImages(dir.resolve("img"), 3, 2, 2, new byte[12]);
        SyntheticMnist.writeLabels(dir.resolve("lbl"), new int[4]);

        assertThatThrownBy(() -> IdxReader.read(dir.resolve("img"), dir.resolve("lbl")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("img")
                .hasMessageContaining("lbl")
                .hasMessageContaining("3 images")
                .hasMessageContaining("4 labels");
    }

    @Test
    void corruptDimensionsAreNamed() {
        SyntheticMnist.writeIdx(dir.resolve("neg"), SyntheticMnist.IMAGES_MAGIC, new int[] {-1, 28, 28}, new byte[0]);
        SyntheticMnist.writeIdx(
                dir.resolve("huge"), SyntheticMnist.IMAGES_MAGIC, new int[] {Integer.MAX_VALUE, 28, 28}, new byte[0]);
        SyntheticMnist.writeLabels(dir.resolve("lbl"), new int[0]);

        assertThatThrownBy(() -> IdxReader.read(dir.resolve("neg"), dir.resolve("lbl")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("neg")
                .hasMessageContaining("corrupt header");
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("huge"), dir.resolve("lbl")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("huge")
                .hasMessageContaining("too large");
    }

    @Test
    void emptyFilesWithValidHeadersGiveAnEmptySet() {
        SyntheticMnist.writeImages(dir.resolve("img"), 0, 28, 28, new byte[0]);
        SyntheticMnist.writeLabels(dir.resolve("lbl"), new int[0]);

        ImageSet set = IdxReader.read(dir.resolve("img"), dir.resolve("lbl"));

        assertThat(set.count()).isZero();
        assertThat(set.numClasses()).isZero();
        assertThat(Arrays.stream(set.labelCounts()).sum()).isZero();
    }
}
