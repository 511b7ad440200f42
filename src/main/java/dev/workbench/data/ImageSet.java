package dev.workbench.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled images held as raw unsigned bytes: {@code count()} images of
 * {@code height × width × channels} pixels, row-major, one image after another. Immutable: the
 * arrays are never handed out; read them through {@link #pixel}, {@link #copyPixels} or
 * {@link #labels()} (a copy).
 */
public final class ImageSet {

    private final int height;
    private final int width;
    private final int channels;
    private final byte[] pixels;
    private final int[] labels;

    private ImageSet(int height, int width, int channels, byte[] pixels, int[] labels) {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException(
                    "image shape must be positive, got " + height + "x" + width + "x" + channels);
        }
        long expected = (long) labels.length * height * width * channels;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(labels.length + " images of " + height + "x" + width + "x" + channels
                    + " need " + expected + " pixel bytes, got " + pixels.length);
        }
        for (int label : labels) {
            if (label < 0) {
                throw new IllegalArgumentException("labels must be non-negative, got " + label);
            }
        }
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.pixels = pixels;
        this.labels = labels;
    }

    /** An image set over copies of the given arrays ({@code pixels} unsigned, image after image). */
    public static ImageSet of(int height, int width, int channels, byte[] pixels, int[] labels) {
        return new ImageSet(height, width, channels, pixels.clone(), labels.clone());
    }

    /** Takes ownership of the arrays without copying; for readers in this package. */
    static ImageSet wrap(int height, int width, int channels, byte[] pixels, int[] labels) {
        return new ImageSet(height, width, channels, Objects.requireNonNull(pixels), Objects.requireNonNull(labels));
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

    /** {@code height × width × channels}. */
    public int pixelsPerImage() {
        return height * width * channels;
    }

    public int label(int image) {
        return labels[image];
    }

    /** A copy of all labels, in image order. */
    public int[] labels() {
        return labels.clone();
    }

    /** The raw value (0–255) of one pixel; {@code offset} is in {@code [0, pixelsPerImage())}. */
    public int pixel(int image, int offset) {
        Objects.checkIndex(offset, pixelsPerImage());
        return pixels[image * pixelsPerImage() + offset] & 0xFF;
    }

    /** Writes the raw values (0–255) of one image as floats into {@code dest} from {@code destOffset}. */
    public void copyPixels(int image, float[] dest, int destOffset) {
        Objects.checkIndex(image, count());
        int size = pixelsPerImage();
        Objects.checkFromIndexSize(destOffset, size, dest.length);
        int base = image * size;
        for (int p = 0; p < size; p++) {
            dest[destOffset + p] = pixels[base + p] & 0xFF;
        }
    }

    /** One more than the largest label, or 0 for an empty set. */
    public int numClasses() {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    /** How many images carry each label, indexed by label, of length {@link #numClasses()}. */
    public int[] labelCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** A new set of the images at {@code indices}, in that order (repeats allowed). */
    public ImageSet select(int[] indices) {
        int size = pixelsPerImage();
        byte[] chosenPixels = new byte[Math.multiplyExact(indices.length, size)];
        int[] chosenLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int source = Objects.checkIndex(indices[i], count());
            System.arraycopy(pixels, source * size, chosenPixels, i * size, size);
            chosenLabels[i] = labels[source];
        }
        return new ImageSet(height, width, channels, chosenPixels, chosenLabels);
    }

    @Override
    public String toString() {
        return "ImageSet[" + count() + " × " + height + "x" + width + "x" + channels + ", labelCounts="
                + Arrays.toString(labelCounts()) + "]";
    }
}
