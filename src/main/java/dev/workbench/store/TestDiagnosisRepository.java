package dev.workbench.store;

import dev.workbench.metrics.Diagnosis;
import dev.workbench.metrics.Mistake;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Test-set confusion matrices and galleries of mistakes, stored with the experiment's refit or with an export
 * so that pages never run a model. Thread-safe.
 */
public final class TestDiagnosisRepository {

    private static final String COLUMNS =
            "d.id, d.experiment_id, d.export_id, d.trial_index, d.fold, d.classes, d.counts";

    private final Database db;
    private final CountsJson counts = new CountsJson();

    TestDiagnosisRepository(Database db) {
        this.db = db;
    }

    /**
     * Stores a diagnosis of the test set, replacing the refit's earlier one when {@code exportId} is null.
     *
     * @param pixels the raw pixels of a test row, for each mistake's image
     */
    public long save(
            long experimentId,
            Long exportId,
            int trialIndex,
            Integer fold,
            Diagnosis d,
            ImageShape shape,
            IntFunction<byte[]> pixels) {
        return db.inTransaction("store test diagnosis of experiment " + experimentId, h -> {
            if (exportId == null) {
                h.createUpdate("DELETE FROM test_diagnosis WHERE experiment_id = :e AND export_id IS NULL")
                        .bind("e", experimentId)
                        .execute();
            }
            long id = h.createUpdate("INSERT INTO test_diagnosis (experiment_id, export_id, trial_index, fold, classes,"
                            + " counts) VALUES (:e, :x, :trial, :fold, :classes, :counts)")
                    .bind("e", experimentId)
                    .bind("x", exportId)
                    .bind("trial", trialIndex)
                    .bind("fold", fold)
                    .bind("classes", d.confusion().classes())
                    .bind("counts", counts.write(d.confusion()))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            saveMistakes(h, id, d.mistakes(), shape, pixels);
            return id;
        });
    }

    private static void saveMistakes(
            Handle h, long id, List<Mistake> mistakes, ImageShape shape, IntFunction<byte[]> pixels) {
        if (mistakes.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO test_mistake (diagnosis_id, position, test_row, true_label,"
                + " predicted_label, probability, height, width, channels, pixels) VALUES (:id, :position, :row, :label,"
                + " :predicted, :probability, :height, :width, :channels, :pixels)");
        for (int i = 0; i < mistakes.size(); i++) {
            Mistake m = mistakes.get(i);
            batch.bind("id", id)
                    .bind("position", i)
                    .bindMethods(m)
                    .bindMethods(shape)
                    .bind("pixels", pixels.apply(m.row()))
                    .add();
        }
        batch.execute();
    }

    /** The refit's diagnosis, if stored. */
    public Optional<TestDiagnosisRow> ofRefit(long experimentId) {
        return find("WHERE d.experiment_id = :id AND d.export_id IS NULL", experimentId);
    }

    /** The diagnosis stored with an export, if any. */
    public Optional<TestDiagnosisRow> ofExport(long exportId) {
        return find("WHERE d.export_id = :id", exportId);
    }

    private Optional<TestDiagnosisRow> find(String where, long id) {
        return db.snapshot("read test diagnosis", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM test_diagnosis d " + where + " ORDER BY d.id DESC")
                .bind("id", id)
                .map((rs, ctx) -> new TestDiagnosisRow(
                        rs.getLong("id"),
                        rs.getLong("experiment_id"),
                        rs.getObject("export_id", Long.class),
                        rs.getInt("trial_index"),
                        rs.getObject("fold", Integer.class),
                        counts.read(rs.getInt("classes"), rs.getString("counts")),
                        List.of()))
                .findFirst()
                .map(d -> d.withMistakes(mistakes(h, d.id()))));
    }

    private static List<Mistake> mistakes(Handle h, long id) {
        return h.createQuery("SELECT test_row, true_label, predicted_label, probability FROM test_mistake"
                        + " WHERE diagnosis_id = :id ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> new Mistake(
                        rs.getInt("test_row"),
                        rs.getInt("true_label"),
                        rs.getInt("predicted_label"),
                        rs.getDouble("probability")))
                .list();
    }

    /** The pixels of mistake {@code position} (0 = most confident) of a diagnosis. */
    public Optional<StoredImage> image(long diagnosisId, int position) {
        return db.withHandle("read mistake image", h -> h.createQuery("SELECT height, width, channels, pixels"
                        + " FROM test_mistake WHERE diagnosis_id = :id AND position = :position")
                .bind("id", diagnosisId)
                .bind("position", position)
                .map((rs, ctx) -> new StoredImage(
                        new ImageShape(rs.getInt("height"), rs.getInt("width"), rs.getInt("channels")),
                        rs.getBytes("pixels")))
                .findOne());
    }
}
