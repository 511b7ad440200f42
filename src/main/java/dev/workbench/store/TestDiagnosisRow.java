package dev.workbench.store;

import dev.workbench.metrics.ConfusionMatrix;
import dev.workbench.metrics.Mistake;
import java.util.List;
import java.util.Objects;

/**
 * A model's stored test-set diagnosis.
 *
 * @param exportId null for the experiment's refit
 * @param fold     null for a refit on all training data
 * @param mistakes the stored gallery, most confident first; position i's image is {@code image(id, i)}
 */
public record TestDiagnosisRow(
        long id,
        long experimentId,
        Long exportId,
        int trialIndex,
        Integer fold,
        ConfusionMatrix confusion,
        List<Mistake> mistakes) {

    public TestDiagnosisRow {
        Objects.requireNonNull(confusion, "confusion");
        mistakes = List.copyOf(mistakes);
    }

    TestDiagnosisRow withMistakes(List<Mistake> list) {
        return new TestDiagnosisRow(id, experimentId, exportId, trialIndex, fold, confusion, list);
    }
}
