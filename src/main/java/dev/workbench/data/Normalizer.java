package dev.workbench.data;

import java.util.Objects;

/**
 * A fitted pixel normalisation: {@code (x / 255 - mean[p]) / std} for pixel {@code p}. For
 * {@link Normalization#SCALE} every mean is 0 and std is 1; for
 * {@link Normalization#STANDARDIZE} the means and the single global std come from the fitting rows
 * only (std = sqrt of the mean over all fitted pixels of {@code (x/255 - mean[p])²}, 1 when that is 0).
 */
public final class Normalizer {

    private static final double MIN_STD = 1e-8;

    private final Normalization mode;
    private final float[] means;
    private final float std;

    private Normalizer(Normalization mode, float[] means, float std) {
        this.mode = Objects.requireNonNull(mode, "mode");
        if (!(std > 0) || Float.isInfinite(std)) {
            throw new IllegalArgumentException("std must be positive and finite, got " + std);
        }
        this.means = means;
        this.std = std;
    }

    /** Fits {@code mode} on the images at {@code rows} of {@code set} (the training fold). */
    public static Normalizer fit(Normalization mode, ImageSet set, int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("cannot fit a normalizer on no rows");
        }
        if (mode == Normalization.SCALE) {
            return new Normalizer(mode, new float[set.pixelsPerImage()], 1f);
        }
        double[] means = pixelMeans(set, rows);
        double std = globalStd(set, rows, means);
        float[] floatMeans = new float[means.length];
        for (int p = 0; p < means.length; p++) {
            floatMeans[p] = (float) means[p];
        }
        return new Normalizer(mode, floatMeans, (float) (std < MIN_STD ? 1.0 : std));
    }

    /** Rebuilds a fitted normaliser from stored parameters (for example an exported model's manifest). */
    public static Normalizer of(Normalization mode, float[] means, float std) {
        return new Normalizer(mode, means.clone(), std);
    }

    private static double[] pixelMeans(ImageSet set, int[] rows) {
        double[] sums = new double[set.pixelsPerImage()];
        for (int row : rows) {
            for (int p = 0; p < sums.length; p++) {
                sums[p] += set.pixel(row, p);
            }
        }
        for (int p = 0; p < sums.length; p++) {
            sums[p] = sums[p] / 255.0 / rows.length;
        }
        return sums;
    }

    private static double globalStd(ImageSet set, int[] rows, double[] means) {
        double squares = 0;
        for (int row : rows) {
            for (int p = 0; p < means.length; p++) {
                double d = set.pixel(row, p) / 255.0 - means[p];
                squares += d * d;
            }
        }
        return Math.sqrt(squares / ((double) rows.length * means.length));
    }

    public Normalization mode() {
        return mode;
    }

    /** A copy of the per-pixel means (in [0, 1] units), one per pixel of an image. */
    public float[] means() {
        return means.clone();
    }

    public float mean(int pixel) {
        return means[pixel];
    }

    /** The global standard deviation (in [0, 1] units). */
    public float std() {
        return std;
    }

    public int pixelsPerImage() {
        return means.length;
    }

    /** Normalised images at {@code rows}, row-major: {@code rows.length × pixelsPerImage()} floats. */
    public float[] apply(ImageSet set, int[] rows) {
        float[] out = new float[Math.multiplyExact(rows.length, means.length)];
        for (int i = 0; i < rows.length; i++) {
            applyTo(set, rows[i], out, i * means.length);
        }
        return out;
    }

    /** Writes one normalised image into {@code dest} from {@code destOffset}. */
    public void applyTo(ImageSet set, int row, float[] dest, int destOffset) {
        if (set.pixelsPerImage() != means.length) {
            throw new IllegalArgumentException(
                    "normalizer fitted on " + means.length + " pixels per image, set has " + set.pixelsPerImage());
        }
        set.copyPixels(row, dest, destOffset);
        float invStd = 1f / std;
        for (int p = 0; p < means.length; p++) {
            dest[destOffset + p] = (dest[destOffset + p] / 255f - means[p]) * invStd;
        }
    }
}
