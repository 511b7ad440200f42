package dev.workbench.store;

import dev.workbench.metrics.ConfusionMatrix;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.SevenBands;
import dev.workbench.metrics.StepMetrics;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The inserts of a fold run's steps, weight spreads and confusion matrix, on the caller's fenced transaction. */
final class TraceWrites {

    private final CountsJson counts = new CountsJson();

    void steps(Handle h, long foldRunId, List<StepMetrics> steps) {
        if (steps.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO step_metric (fold_run_id, iteration, epoch, batch,"
                + " images_seen, train_loss, train_accuracy, val_loss, val_accuracy) VALUES (:foldRunId, :iteration,"
                + " :epoch, :batch, :imagesSeen, :trainLoss, :trainAccuracy, :valLoss, :valAccuracy)");
        steps.forEach(s -> batch.bind("foldRunId", foldRunId).bindMethods(s).add());
        batch.execute();
    }

    void spread(Handle h, long foldRunId, List<LayerSpread> spread) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO weight_spread (fold_run_id, epoch, layer_index, layer_type,"
                + " param_kind, value_count, q0, q1, q2, q3, q4, q5, q6, q7, non_finite, update_norm) VALUES"
                + " (:f, :epoch, :layer, :type, :param, :count, :q0, :q1, :q2, :q3, :q4, :q5, :q6, :q7, :nonFinite,"
                + " :updateNorm)");
        for (LayerSpread s : spread) {
            batch.bind("f", foldRunId)
                    .bind("epoch", s.epoch())
                    .bind("layer", s.layer())
                    .bind("type", s.layerType())
                    .bind("param", s.param())
                    .bind("count", s.count())
                    .bind("nonFinite", s.bands().nonFinite())
                    .bind("updateNorm", s.updateNorm());
            for (int q = 0; q < SevenBands.BOUNDS; q++) {
                batch.bind("q" + q, s.bands().bounds().get(q));
            }
            batch.add();
        }
        batch.execute();
    }

    /** Replaces the fold run's confusion matrix. */
    void confusion(Handle h, long foldRunId, ConfusionMatrix m) {
        h.createUpdate("DELETE FROM fold_confusion WHERE fold_run_id = :f")
                .bind("f", foldRunId)
                .execute();
        h.createUpdate("INSERT INTO fold_confusion (fold_run_id, classes, counts) VALUES (:f, :classes, :counts)")
                .bind("f", foldRunId)
                .bind("classes", m.classes())
                .bind("counts", counts.write(m))
                .execute();
    }
}
