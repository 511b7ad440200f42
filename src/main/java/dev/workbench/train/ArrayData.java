package dev.workbench.train;

import java.util.Objects;

/**
 * Labelled, already-normalised images for training: {@code count()} rows of
 * {@code height × width × channels} floats (row-major, one image after another) and a class label per
 * row in {@code [0, numClasses)}. Immutable; the arrays are copied in (or adopted) and never handed out.
 */
public final class ArrayData {

    private final int height;
    private final int width;
    private final int channels;
    private final int numClasses;
    private final float[] features;
    private final int[] labels;

    private ArrayData(int height, int width, int channels, int numClasses, float[] features, int[] labels) {
        if (height < 1 || width < 1 || channels < 1 || numClasses < 1) {
            throw new IllegalArgumentException("shape and class count must be positive, got " + height + "x" + width
                    + "x" + channels + ", " + numClasses + " classes");
        }
        if (features.length != (long) labels.length * height * width * channels) {
            throw new IllegalArgumentException(labels.length + " rows of " + height + "x" + width + "x" + channels
                    + " need " + (long) labels.length * height * width * channels + " floats, got " + features.length);
        }
        for (int label : labels) {
            Objects.checkIndex(label, numClasses);
        }
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.numClasses = numClasses;
        this.features = features;
        this.labels = labels;
    }

    /** Data over copies of {@code features} (row-major, {@code labels.length} rows) and {@code labels}. */
    public static ArrayData of(int height, int width, int channels, int numClasses, float[] features, int[] labels) {
        return new ArrayData(height, width, channels, numClasses, features.clone(), labels.clone());
    }

    /**
     * Data over {@code features} and {@code labels} themselves, without copying: for arrays the caller has
     * just made and hands over (a full MNIST fold is ~190 MB, so the copy matters). The caller must not
     * keep or change them.
     */
    public static ArrayData adopt(int height, int width, int channels, int numClasses, float[] features, int[] labels) {
        return new ArrayData(height, width, channels, numClasses, features, labels);
    }

    public int count() {
        return labels.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    public int numClasses() {
        return numClasses;
    }

    /** Floats per row: {@code height × width × channels}. */
    public int rowSize() {
        return height * width * channels;
    }

    /** The label of one row. */
    public int label(int row) {
        return labels[row];
    }

    /** A copy of the given rows, in that order. */
    ArrayData rows(int[] rows) {
        int size = rowSize();
        float[] f = new float[Math.multiplyExact(rows.length, size)];
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(features, rows[i] * size, f, i * size, size);
            l[i] = labels[rows[i]];
        }
        return new ArrayData(height, width, channels, numClasses, f, l);
    }

    /** The backing feature array, for this package's array builders only; never modify it. */
    float[] featuresView() {
        return features;
    }

    @Override
    public String toString() {
        return "ArrayData[" + count() + " × " + height + "x" + width + "x" + channels + ", " + numClasses + " classes]";
    }
}
