package dev.workbench.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The four files of an IDX train/test dataset. */
public record IdxFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {

    /** Standard MNIST file names, as {@link #inDirectory} lays them out. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";

    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** The four standard names, in record order. */
    public static final List<String> NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    public IdxFiles {
        Objects.requireNonNull(trainImages, "trainImages");
        Objects.requireNonNull(trainLabels, "trainLabels");
        Objects.requireNonNull(testImages, "testImages");
        Objects.requireNonNull(testLabels, "testLabels");
    }

    /** The files with the standard MNIST names directly inside {@code dir}. */
    public static IdxFiles inDirectory(Path dir) {
        return new IdxFiles(
                dir.resolve(TRAIN_IMAGES),
                dir.resolve(TRAIN_LABELS),
                dir.resolve(TEST_IMAGES),
                dir.resolve(TEST_LABELS));
    }

    /** The four paths, in record order. */
    public List<Path> all() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }
}
