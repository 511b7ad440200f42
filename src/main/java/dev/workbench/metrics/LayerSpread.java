package dev.workbench.metrics;

import java.util.Objects;

/**
 * The spread of one layer's weights or biases at one point of training, and how far they moved since the
 * previous record.
 *
 * @param epoch      epochs finished when recorded (0: the initial weights)
 * @param layer      layer index in the network, from 0
 * @param layerType  the layer's kind, e.g. {@code conv}, {@code dense}, {@code output}
 * @param param      {@code W} (weights) or {@code b} (biases)
 * @param count      number of values
 * @param bands      their seven-band spread
 * @param updateNorm L2 norm of their change since the previous record (0 for the initial weights)
 */
public record LayerSpread(
        int epoch, int layer, String layerType, String param, long count, SevenBands bands, double updateNorm) {

    /** Absolute weight beyond which a trial is flagged ("weights spreading into the 100s", as the codelab warns). */
    public static final double WARN_MAGNITUDE = 100.0;

    public LayerSpread {
        Objects.requireNonNull(layerType, "layerType");
        Objects.requireNonNull(bands, "bands");
        if (!"W".equals(param) && !"b".equals(param)) {
            throw new IllegalArgumentException("param must be W or b, got " + param);
        }
        if (epoch < 0 || layer < 0 || count < 0) {
            throw new IllegalArgumentException("epoch, layer and count must be >= 0");
        }
    }

    /** True when a value is NaN or infinite, or a finite one exceeds {@link #WARN_MAGNITUDE} in absolute value. */
    public boolean alarming() {
        return bands.nonFinite() > 0 || bands.maxAbs() > WARN_MAGNITUDE;
    }
}
