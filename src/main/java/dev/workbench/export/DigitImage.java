package dev.workbench.export;

import dev.workbench.DataException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns a PNG or JPEG of any size into the MNIST layout a model was trained on: grayscale 0–255, light
 * strokes on a dark background (inverted when the border of the picture is light, as with ink on
 * paper), cropped to a square around the strokes, which fill 20/28 of it centred on their centre of
 * mass as in MNIST, and area-averaged to the model's input size. Transparent pixels count as white paper.
 */
final class DigitImage {

    /** MNIST fits each digit in 20×20 pixels of a 28×28 image. */
    private static final double INK_FRACTION = 20.0 / 28.0;
    /** A pixel is ink when it is at least this fraction of the brightest pixel (after inversion). */
    private static final double INK_THRESHOLD = 0.3;

    /** Largest image read: 40 megapixels (decoded, about 480 MB), and at most this many pixels a side. */
    static final long MAX_PIXELS = 40_000_000;

    static final int MAX_SIDE = 20_000;

    private DigitImage() {}

    /** The image file as {@code height × width} bytes (0–255), row-major. */
    static byte[] read(Path file, int height, int width) {
        BufferedImage image = decode(file);
        return prepare(gray(image), image.getWidth(), image.getHeight(), height, width);
    }

    /** Decodes the image after checking its size in the header, so that a decompression bomb is never decoded. */
    private static BufferedImage decode(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": file not found");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataException(file + ": not a PNG or JPEG image (nor an IDX file)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkSize(file, reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw e instanceof DataException d
                    ? d
                    : new DataException(file + ": cannot read image: " + e.getMessage(), e);
        }
    }

    private static void checkSize(Path file, int w, int h) {
        if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
            throw new DataException(String.format(
                    "%s: the image is %dx%d pixels; predict reads images of at most %,d "
                            + "pixels and %d pixels a side: scale it down first",
                    file, w, h, MAX_PIXELS, MAX_SIDE));
        }
    }

    /** Inverts if needed, crops around the ink and resizes {@code w × h} gray values to {@code outH × outW}. */
    static byte[] prepare(double[] gray, int w, int h, int outH, int outW) {
        if (borderMean(gray, w, h) > 127.5) {
            for (int i = 0; i < gray.length; i++) {
                gray[i] = 255 - gray[i];
            }
        }
        double[] box = inkBox(gray, w, h);
        double[] out = resize(gray, w, h, box, outH, outW);
        byte[] bytes = new byte[out.length];
        for (int i = 0; i < out.length; i++) {
            bytes[i] = (byte) Math.round(Math.max(0, Math.min(255, out[i])));
        }
        return bytes;
    }

    /** Luminance (0–255) of every pixel, transparent parts composited over white. */
    private static double[] gray(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                double alpha = ((argb >>> 24) & 0xFF) / 255.0;
                double lum = 0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF);
                out[y * w + x] = lum * alpha + 255 * (1 - alpha);
            }
        }
        return out;
    }

    private static double borderMean(double[] gray, int w, int h) {
        double sum = 0;
        int n = 0;
        for (int x = 0; x < w; x++) {
            sum += gray[x] + gray[(h - 1) * w + x];
            n += 2;
        }
        for (int y = 1; y < h - 1; y++) {
            sum += gray[y * w] + gray[y * w + w - 1];
            n += 2;
        }
        return sum / n;
    }

    /**
     * The square region to resize, as {x0, y0, side}, laid out as MNIST was: side such that the ink's
     * bounding box fills {@link #INK_FRACTION} of it, centred on the ink's centre of mass, origin on whole
     * pixels (so a 28×28 MNIST image maps onto itself). Without ink: the whole image, padded square.
     */
    private static double[] inkBox(double[] gray, int w, int h) {
        double max = 0;
        for (double v : gray) {
            max = Math.max(max, v);
        }
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = gray[y * w + x];
                if (max > 0 && v >= INK_THRESHOLD * max) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                    mass += v;
                    mx += v * (x + 0.5);
                    my += v * (y + 0.5);
                }
            }
        }
        if (x1 < 0) {
            double side = Math.max(w, h);
            return new double[] {Math.round((w - side) / 2), Math.round((h - side) / 2), side};
        }
        double side = Math.max(x1 - x0 + 1, y1 - y0 + 1) / INK_FRACTION;
        return new double[] {Math.round(mx / mass - side / 2), Math.round(my / mass - side / 2), side};
    }

    /**
     * Area-averages the square {@code box} of the image into {@code outH × outW} pixels: each output
     * pixel is the mean of the source pixels it covers, weighted by overlap; outside the image counts as 0.
     */
    private static double[] resize(double[] gray, int w, int h, double[] box, int outH, int outW) {
        double[] out = new double[outH * outW];
        double sy = box[2] / outH;
        double sx = box[2] / outW;
        for (int oy = 0; oy < outH; oy++) {
            double top = box[1] + oy * sy;
            for (int ox = 0; ox < outW; ox++) {
                double left = box[0] + ox * sx;
                out[oy * outW + ox] = cover(gray, w, h, left, top, sx, sy) / (sx * sy);
            }
        }
        return out;
    }

    /** Sum of source values times overlap area within the rectangle [left, left+sx) × [top, top+sy). */
    private static double cover(double[] gray, int w, int h, double left, double top, double sx, double sy) {
        double sum = 0;
        for (int y = Math.max(0, (int) Math.floor(top)); y < Math.min(h, Math.ceil(top + sy)); y++) {
            double dy = Math.min(y + 1, top + sy) - Math.max(y, top);
            for (int x = Math.max(0, (int) Math.floor(left)); x < Math.min(w, Math.ceil(left + sx)); x++) {
                double dx = Math.min(x + 1, left + sx) - Math.max(x, left);
                sum += gray[y * w + x] * dx * dy;
            }
        }
        return sum;
    }
}
