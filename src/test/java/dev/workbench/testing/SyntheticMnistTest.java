package dev.workbench.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticMnistTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesTheSameFiles() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path c = Files.createDirectories(dir.resolve("c"));
        SyntheticMnist.write(a, 20, 10, 1);
        SyntheticMnist.write(b, 20, 10, 1);
        SyntheticMnist.write(c, 20, 10, 2);

        assertThat(SyntheticMnist.sha256(a)).isEqualTo(SyntheticMnist.sha256(b));
        assertThat(SyntheticMnist.sha256(a).get(SyntheticMnist.TRAIN_IMAGES))
                .isNotEqualTo(SyntheticMnist.sha256(c).get(SyntheticMnist.TRAIN_IMAGES));
        assertThat(Files.size(a.resolve(SyntheticMnist.TRAIN_IMAGES))).isEqualTo(16 + 20 * 784);
        assertThat(Files.size(a.resolve(SyntheticMnist.TEST_LABELS))).isEqualTo(8 + 10);
    }

    /** Classes must be easy: even a nearest-centroid classifier on raw pixels separates them. */
    @Test
    void classesAreSeparable() throws IOException {
        SyntheticMnist.write(dir, 500, 200, 3);
        byte[] train = Files.readAllBytes(dir.resolve(SyntheticMnist.TRAIN_IMAGES));
        byte[] trainLabels = Files.readAllBytes(dir.resolve(SyntheticMnist.TRAIN_LABELS));
        byte[] test = Files.readAllBytes(dir.resolve(SyntheticMnist.TEST_IMAGES));
        byte[] testLabels = Files.readAllBytes(dir.resolve(SyntheticMnist.TEST_LABELS));

        double[][] centroids = new double[10][784];
        for (int i = 0; i < 500; i++) {
            for (int p = 0; p < 784; p++) {
                centroids[trainLabels[8 + i]][p] += (train[16 + i * 784 + p] & 0xFF) / 50.0;
            }
        }
        int correct = 0;
        for (int i = 0; i < 200; i++) {
            correct += nearest(centroids, test, 16 + i * 784) == testLabels[8 + i] ? 1 : 0;
        }
        assertThat(correct / 200.0).isGreaterThan(0.9);
    }

    private static int nearest(double[][] centroids, byte[] images, int offset) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centroids.length; c++) {
            double distance = 0;
            for (int p = 0; p < 784; p++) {
                double d = (images[offset + p] & 0xFF) - centroids[c][p];
                distance += d * d;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
