package dev.workbench.data;

import dev.workbench.DataException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** Loads a train/test IDX dataset, hashing each file as it is read. */
public final class IdxDataset {

    private IdxDataset() {}

    /** Loads the four files of {@code files}. */
    public static LoadedDataset load(IdxFiles files) {
        return load(files.trainImages(), files.trainLabels(), files.testImages(), files.testLabels());
    }

    /**
     * Reads both image sets and records each file's SHA-256 and size under the roles
     * {@code train-images}, {@code train-labels}, {@code test-images} and {@code test-labels}.
     *
     * @throws DataException if a file is missing or malformed, or train and test shapes differ
     */
    public static LoadedDataset load(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
        List<DataFile> provenance = new ArrayList<>(4);
        ImageSet train = readPair("train", trainImages, trainLabels, provenance);
        ImageSet test = readPair("test", testImages, testLabels, provenance);
        if (train.height() != test.height() || train.width() != test.width() || train.channels() != test.channels()) {
            throw new DataException("train images (" + trainImages + ") are " + shape(train) + " but test images ("
                    + testImages + ") are " + shape(test));
        }
        return new LoadedDataset(train, test, provenance);
    }

    private static ImageSet readPair(String split, Path images, Path labels, List<DataFile> provenance) {
        MessageDigest imageDigest = Sha256.newDigest();
        MessageDigest labelDigest = Sha256.newDigest();
        ImageSet set = IdxReader.read(images, labels, imageDigest, labelDigest);
        long labelBytes = 8L + set.count();
        long imageBytes = 16L + (long) set.count() * set.pixelsPerImage();
        provenance.add(new DataFile(split + "-images", images, Sha256.hex(imageDigest), imageBytes));
        provenance.add(new DataFile(split + "-labels", labels, Sha256.hex(labelDigest), labelBytes));
        return set;
    }

    private static String shape(ImageSet set) {
        return set.height() + "x" + set.width() + "x" + set.channels();
    }
}
