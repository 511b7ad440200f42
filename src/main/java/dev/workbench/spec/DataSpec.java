package dev.workbench.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where the images come from: either the built-in {@code dataset: mnist} (fetched on first use) or
 * {@code format: idx} with four IDX files (paths relative to the working directory).
 *
 * @param trainSubset optional stratified, seeded subset of the training images
 * @param normalize   {@code scale} (x/255, default) or {@code standardize} (per-pixel mean, global std,
 *                    fitted on training folds only)
 */
public record DataSpec(
        String dataset,
        String format,
        String trainImages,
        String trainLabels,
        String testImages,
        String testLabels,
        Integer trainSubset,
        Normalize normalize) {

    public DataSpec {
        normalize = normalize == null ? Normalize.SCALE : normalize;
    }

    /** True when the data is the built-in MNIST set. */
    @JsonIgnore
    public boolean isMnist() {
        return "mnist".equals(dataset);
    }

    /** Input normalisation. */
    public enum Normalize {
        SCALE,
        STANDARDIZE
    }
}
