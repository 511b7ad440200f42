package dev.workbench.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a model got wrong on some rows: the confusion matrix over all of them, and the most confident
 * mistakes, most confident first (ties by row).
 */
public record Diagnosis(ConfusionMatrix confusion, List<Mistake> mistakes) {

    /** The order of a gallery: highest probability first, then lowest row. */
    public static final Comparator<Mistake> MOST_CONFIDENT_FIRST =
            Comparator.comparingDouble(Mistake::probability).reversed().thenComparingInt(Mistake::row);

    public Diagnosis {
        Objects.requireNonNull(confusion, "confusion");
        mistakes = mistakes.stream().sorted(MOST_CONFIDENT_FIRST).toList();
    }
}
