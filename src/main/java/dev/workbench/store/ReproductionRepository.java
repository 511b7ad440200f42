package dev.workbench.store;

import java.util.List;
import java.util.Optional;

/** Reproduction checks of trials: recorded once each, read latest first. Thread-safe. */
public final class ReproductionRepository {

    private static final String SELECT = "SELECT r.id, r.trial_id, t.trial_index, r.fold, r.outcome, r.detail,"
            + " r.parallel, r.provenance_json, r.verified_at FROM reproduction r JOIN trial t ON t.id = r.trial_id ";

    private final Database db;
    private final Rows rows;

    ReproductionRepository(Database db, Rows rows) {
        this.db = db;
        this.rows = rows;
    }

    /**
     * Records one check of the trial, verified now; returns its id.
     *
     * @param fold null when every fold was re-run
     */
    public long record(
            long trialId, Integer fold, boolean identical, String detail, int parallel, String provenanceJson) {
        return db.withHandle("record reproduction of trial " + trialId, h -> h.createUpdate(
                        "INSERT INTO reproduction (trial_id, fold, outcome, detail, parallel, provenance_json)"
                                + " VALUES (:trialId, :fold, :outcome, :detail, :parallel, :provenance)")
                .bind("trialId", trialId)
                .bind("fold", fold)
                .bind("outcome", identical ? "identical" : "different")
                .bind("detail", detail)
                .bind("parallel", parallel)
                .bind("provenance", provenanceJson)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    /** The most recent check of the trial, if any. */
    public Optional<ReproductionRow> latest(long trialId) {
        return db.withHandle("read reproductions of trial " + trialId, h -> h.createQuery(
                        SELECT + "WHERE r.trial_id = :id ORDER BY r.id DESC LIMIT 1")
                .bind("id", trialId)
                .map((rs, ctx) -> rows.reproduction(rs))
                .findOne());
    }

    /** The most recent check of each of the experiment's trials that has one, by trial index. */
    public List<ReproductionRow> latestByExperiment(long experimentId) {
        return db.withHandle("read reproductions of experiment " + experimentId, h -> h.createQuery(SELECT
                        + "WHERE t.experiment_id = :id AND r.id = (SELECT MAX(r2.id) FROM reproduction r2"
                        + " WHERE r2.trial_id = r.trial_id) ORDER BY t.trial_index")
                .bind("id", experimentId)
                .map((rs, ctx) -> rows.reproduction(rs))
                .list());
    }
}
