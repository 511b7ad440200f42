package dev.workbench.store;

import java.util.Objects;

/** One stored image: its shape and its raw pixels (unsigned bytes, row-major, channels interleaved). */
public final class StoredImage {

    private final ImageShape shape;
    private final byte[] pixels;

    StoredImage(ImageShape shape, byte[] pixels) {
        this.shape = Objects.requireNonNull(shape, "shape");
        if (pixels.length != shape.size()) {
            throw new IllegalArgumentException(
                    "a " + shape + " image has " + shape.size() + " bytes, got " + pixels.length);
        }
        this.pixels = pixels;
    }

    public ImageShape shape() {
        return shape;
    }

    /** The grey level (first channel) of pixel (y, x), 0–255. */
    public int grey(int y, int x) {
        return pixels[(y * shape.width() + x) * shape.channels()] & 0xff;
    }
}
