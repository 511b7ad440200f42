package dev.workbench.data;

import java.util.List;
import java.util.Objects;

/** A train/test pair of image sets with the files they came from (train images, train labels, test images, test labels). */
public record LoadedDataset(ImageSet train, ImageSet test, List<DataFile> files) {

    public LoadedDataset {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        files = List.copyOf(files);
    }
}
