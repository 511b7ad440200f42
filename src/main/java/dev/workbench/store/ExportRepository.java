package dev.workbench.store;

import java.util.List;
import java.util.Optional;

/** Exported models of experiments, recorded as they are written. Thread-safe. */
public final class ExportRepository {

    private static final String SELECT = "SELECT x.id, x.experiment_id, x.trial_index, x.fold, x.directory,"
            + " x.zip_sha256, x.test_accuracy, x.exported_at FROM model_export x ";

    private final Database db;
    private final Rows rows;

    ExportRepository(Database db, Rows rows) {
        this.db = db;
        this.rows = rows;
    }

    /** Records an export made now; {@code fold} is null for the refit. Returns its id. */
    public long record(
            long experimentId, int trialIndex, Integer fold, String directory, String zipSha256, Double testAccuracy) {
        return db.withHandle("record export of experiment " + experimentId, h -> h.createUpdate(
                        "INSERT INTO model_export (experiment_id, trial_index, fold, directory, zip_sha256, test_accuracy)"
                                + " VALUES (:experimentId, :trialIndex, :fold, :directory, :sha, :testAccuracy)")
                .bind("experimentId", experimentId)
                .bind("trialIndex", trialIndex)
                .bind("fold", fold)
                .bind("directory", directory)
                .bind("sha", zipSha256)
                .bind("testAccuracy", testAccuracy)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    /** One export by id. */
    public Optional<ExportRow> byId(long id) {
        return db.withHandle("read export " + id, h -> h.createQuery(SELECT + "WHERE x.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> rows.export(rs))
                .findOne());
    }

    /** The experiment's exports, newest first. */
    public List<ExportRow> byExperiment(long experimentId) {
        return db.withHandle("read exports of experiment " + experimentId, h -> h.createQuery(
                        SELECT + "WHERE x.experiment_id = :id ORDER BY x.id DESC")
                .bind("id", experimentId)
                .map((rs, ctx) -> rows.export(rs))
                .list());
    }
}
