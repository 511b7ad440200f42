package dev.workbench.data;

import dev.workbench.DataException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads uncompressed IDX files of unsigned bytes: IDX3 images (magic {@code 0x00000803}) and IDX1
 * labels (magic {@code 0x00000801}). The file length must match its header exactly: a shorter file
 * is reported as truncated, a longer one as having trailing bytes. Every problem is a
 * {@link DataException} whose message starts with the file's path.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {}

    /** Reads an image file and its label file into one single-channel {@link ImageSet}. */
    public static ImageSet read(Path imageFile, Path labelFile) {
        return read(imageFile, labelFile, Sha256.newDigest(), Sha256.newDigest());
    }

    /** Reads an IDX3 image file on its own; every label of the returned set is 0. */
    public static ImageSet readImages(Path imageFile) {
        Idx images = readIdx(imageFile, IMAGES_MAGIC, 3, Sha256.newDigest());
        return ImageSet.wrap(images.dims[1], images.dims[2], 1, images.data, new int[images.dims[0]]);
    }

    /** The first four bytes of a file as a big-endian int (an IDX magic number), or -1 when shorter or unreadable. */
    public static int magic(Path file) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            return in.readInt();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads the labels of an IDX1 file, each 0–255. */
    public static int[] readLabels(Path labelFile) {
        return toLabels(readIdx(labelFile, LABELS_MAGIC, 1, Sha256.newDigest()).data);
    }

    /** As {@link #read(Path, Path)}, feeding every byte read into the given digests. */
    static ImageSet read(Path imageFile, Path labelFile, MessageDigest imageDigest, MessageDigest labelDigest) {
        Idx images = readIdx(imageFile, IMAGES_MAGIC, 3, imageDigest);
        Idx labels = readIdx(labelFile, LABELS_MAGIC, 1, labelDigest);
        if (images.dims[0] != labels.dims[0]) {
            throw new DataException(imageFile + " holds " + images.dims[0] + " images but " + labelFile + " holds "
                    + labels.dims[0] + " labels");
        }
        return ImageSet.wrap(images.dims[1], images.dims[2], 1, images.data, toLabels(labels.data));
    }

    private static int[] toLabels(byte[] data) {
        int[] labels = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            labels[i] = data[i] & 0xFF;
        }
        return labels;
    }

    private static Idx readIdx(Path file, int magic, int dimCount, MessageDigest digest) {
        long size = sizeOf(file);
        try (DataInputStream in = new DataInputStream(
                new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest))) {
            int headerBytes = 4 + 4 * dimCount;
            checkHeaderFits(file, size, 4);
            checkMagic(file, in.readInt(), magic);
            checkHeaderFits(file, size, headerBytes);
            int[] dims = readDims(file, in, dimCount);
            byte[] data = new byte[checkLength(file, dims, headerBytes, size)];
            in.readFully(data);
            return new Idx(dims, data);
        } catch (EOFException e) {
            throw new DataException(file + ": truncated while reading (file shrank?)", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void checkHeaderFits(Path file, long size, int headerBytes) {
        if (size < headerBytes) {
            throw new DataException(file + ": truncated, " + size + " bytes is shorter than the IDX header");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void checkMagic(Path file, int actual, int expected) {
        if (actual != expected) {
            throw new DataException(String.format(
                    "%s: not an IDX %s file (magic 0x%08x, expected 0x%08x)",
                    file, expected == IMAGES_MAGIC ? "image" : "label", actual, expected));
        }
    }

    private static int[] readDims(Path file, DataInputStream in, int dimCount) throws IOException {
        int[] dims = new int[dimCount];
        for (int d = 0; d < dimCount; d++) {
            dims[d] = in.readInt();
            boolean imageSide = d > 0;
            if (dims[d] < 0 || (imageSide && dims[d] == 0)) {
                throw new DataException(file + ": corrupt header, dimensions " + Arrays.toString(dims));
            }
        }
        return dims;
    }

    private static int checkLength(Path file, int[] dims, int headerBytes, long size) {
        long items = 1;
        for (int dim : dims) {
            items *= dim;
            if (items > Integer.MAX_VALUE - 16) {
                throw new DataException(file + ": header declares " + Arrays.toString(dims) + ", too large to load");
            }
        }
        long expected = headerBytes + items;
        if (size != expected) {
            String problem = size < expected ? "truncated" : "has " + (size - expected) + " extra trailing bytes";
            throw new DataException(file + ": " + problem + " (header declares " + describe(dims) + ", " + expected
                    + " bytes, but the file has " + size + " bytes)");
        }
        return (int) items;
    }

    private static String describe(int[] dims) {
        return dims.length == 1 ? dims[0] + " labels" : dims[0] + " images of " + dims[1] + "x" + dims[2];
    }

    /** Header dimensions and payload of one IDX file. */
    private static final class Idx {
        final int[] dims;
        final byte[] data;

        Idx(int[] dims, byte[] data) {
            this.dims = dims;
            this.data = data;
        }
    }
}
