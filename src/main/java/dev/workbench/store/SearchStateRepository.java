package dev.workbench.store;

import java.util.List;

/** Reads what successive halving and TPE recorded: rungs, and per trial its rung, pruning and batch. */
public final class SearchStateRepository {

    private final Database db;

    SearchStateRepository(Database db) {
        this.db = db;
    }

    /** Every trial of the experiment in index order. */
    public List<TrialSearchRow> trials(long experimentId) {
        return db.withHandle("read the search state of experiment " + experimentId, h -> h.createQuery(
                        "SELECT t.id, t.trial_index, t.pruned_at_epoch, t.rung_epoch, t.rung_score, t.batch_index,"
                                + " b.proposer FROM trial t LEFT JOIN search_batch b ON b.experiment_id = t.experiment_id"
                                + " AND b.batch_index = t.batch_index WHERE t.experiment_id = :id ORDER BY t.trial_index")
                .bind("id", experimentId)
                .map((rs, ctx) -> new TrialSearchRow(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getObject(3, Integer.class),
                        rs.getObject(4, Integer.class),
                        rs.getObject(5, Double.class),
                        rs.getObject(6, Integer.class),
                        rs.getString(7)))
                .list());
    }

    /** The experiment's rungs in order (none without halving). */
    public List<RungRow> rungs(long experimentId) {
        return db.withHandle("read the rungs of experiment " + experimentId, h -> h.createQuery(
                        "SELECT rung_index, epoch, next_epoch, reduction_factor, state, ranked, kept FROM rung"
                                + " WHERE experiment_id = :id ORDER BY rung_index")
                .bind("id", experimentId)
                .map((rs, ctx) -> new RungRow(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getObject(3, Integer.class),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getObject(6, Integer.class),
                        rs.getObject(7, Integer.class)))
                .list());
    }
}
