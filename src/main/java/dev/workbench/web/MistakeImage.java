package dev.workbench.web;

import dev.workbench.UserInputException;
import dev.workbench.store.StoredImage;
import dev.workbench.store.Store;
import io.javalin.http.Context;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Serves a stored mistake's digit as a small greyscale PNG, drawn from its stored pixels. */
final class MistakeImage {

    private MistakeImage() {}

    static void send(Context ctx, Store store, long diagnosisId, String file) {
        int position = position(file);
        StoredImage image = store.diagnoses().image(diagnosisId, position).orElseThrow(() -> new NotFoundException(
                "no mistake " + position + " in test diagnosis " + diagnosisId));
        ctx.contentType("image/png");
        ctx.header("Cache-Control", "max-age=86400");
        ctx.result(png(image));
    }

    /** {@code N.png} with N a mistake's position (0 = most confident). */
    private static int position(String file) {
        if (file.matches("\\d{1,6}\\.png")) {
            return Integer.parseInt(file.substring(0, file.length() - 4));
        }
        throw new UserInputException("image: expected N.png with N a position from 0, got '" + file + "'");
    }

    static byte[] png(StoredImage image) {
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
