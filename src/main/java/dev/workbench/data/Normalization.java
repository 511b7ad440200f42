package dev.workbench.data;

import dev.workbench.UserInputException;
import java.util.Locale;

/** How raw 0–255 pixels become network inputs. */
public enum Normalization {
    /** {@code x / 255}, into [0, 1]. */
    SCALE,
    /** {@code (x / 255 - pixelMean) / std}: per-pixel means, one global std, fitted on the training rows. */
    STANDARDIZE;

    /** Parses the spec spelling ({@code scale} / {@code standardize}, any case). */
    public static Normalization parse(String name) {
        for (Normalization mode : values()) {
            if (mode.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return mode;
            }
        }
        throw new UserInputException("unknown normalization '" + name + "' (expected scale or standardize)");
    }

    /** The spec spelling, lower case. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
