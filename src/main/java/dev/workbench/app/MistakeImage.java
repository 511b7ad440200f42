package dev.workbench.app;

import dev.workbench.store.Store;
import dev.workbench.store.StoredImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Serves a stored mistake's digit as a small greyscale PNG, drawn from its stored pixels. */
final class MistakeImage {

    private MistakeImage() {}

    /** The PNG of mistake {@code position} (0 = most confident) of a stored test diagnosis. */
    static byte[] of(Store store, long diagnosisId, int position) {
        StoredImage image = store.diagnoses()
                .image(diagnosisId, position)
                .orElseThrow(
                        () -> new NotFoundException("no mistake " + position + " in test diagnosis " + diagnosisId));
        return png(image);
    }

    private static byte[] png(StoredImage image) {
        int h = image.shape().height();
        int w = image.shape().width();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = image.grey(y, x);
                out.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
