package dev.workbench.train;

import dev.workbench.metrics.ConfusionMatrix;
import dev.workbench.metrics.Diagnosis;
import dev.workbench.metrics.Mistake;
import java.util.ArrayList;
import java.util.PriorityQueue;

/** Gathers a {@link Diagnosis} row by row: the confusion counts and the {@code limit} most confident mistakes. */
final class DiagnosisCollector {

    /** Mistakes kept for a gallery. */
    static final int GALLERY = 100;

    private final int classes;
    private final int limit;
    private final long[] counts;
    /** The kept mistakes, least confident at the head so it is the one dropped. */
    private final PriorityQueue<Mistake> worst = new PriorityQueue<>(Diagnosis.MOST_CONFIDENT_FIRST.reversed());

    DiagnosisCollector(int classes, int limit) {
        this.classes = classes;
        this.limit = limit;
        this.counts = new long[classes * classes];
    }

    /** Counts one row; {@code probabilities} are the model's class probabilities for it. */
    void add(int row, int label, int predicted, float[] probabilities) {
        counts[label * classes + predicted]++;
        if (predicted != label && limit > 0) {
            worst.add(new Mistake(row, label, predicted, probabilities[predicted]));
            if (worst.size() > limit) {
                worst.poll();
            }
        }
    }

    Diagnosis diagnosis() {
        return new Diagnosis(ConfusionMatrix.of(classes, counts), new ArrayList<>(worst));
    }
}
