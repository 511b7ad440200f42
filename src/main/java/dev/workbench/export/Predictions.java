package dev.workbench.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Everything {@code workbench predict} found: one entry per image (and per unreadable file).
 *
 * @param labelled how many predictions had a known label
 * @param correct  how many of those were right
 */
public record Predictions(String model, List<Prediction> predictions, int labelled, int correct, int errors) {

    public Predictions {
        predictions = List.copyOf(predictions);
    }

    static Predictions of(String model, List<Prediction> predictions) {
        int labelled = (int) predictions.stream()
                .filter(p -> p.label() != null && p.predicted() != null)
                .count();
        int correct = (int) predictions.stream().filter(Prediction::correct).count();
        int errors = (int) predictions.stream().filter(p -> p.error() != null).count();
        return new Predictions(model, predictions, labelled, correct, errors);
    }

    /** Fraction of labelled inputs classified correctly; null when none was labelled. */
    @JsonProperty("accuracy")
    public Double accuracy() {
        return labelled == 0 ? null : correct / (double) labelled;
    }
}
