package dev.workbench.store;

/** The shape of stored images: {@code height × width} pixels of {@code channels} unsigned bytes each. */
public record ImageShape(int height, int width, int channels) {

    public ImageShape {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException(
                    "image shape must be positive, got " + height + "x" + width + "x" + channels);
        }
    }

    /** Bytes per image. */
    public int size() {
        return height * width * channels;
    }
}
