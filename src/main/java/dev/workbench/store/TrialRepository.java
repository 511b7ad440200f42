package dev.workbench.store;

import java.util.List;
import java.util.Optional;

/** Trials of an experiment: reads in index order (ranking is the app's). Written by {@link WorkQueue}. Thread-safe. */
public final class TrialRepository {

    private static final String SELECT = "SELECT " + Rows.TRIAL_COLUMNS + " FROM trial t ";

    private final Database db;
    private final Rows rows;

    TrialRepository(Database db, Rows rows) {
        this.db = db;
        this.rows = rows;
    }

    /** The experiment's trials ordered by index. */
    public List<TrialRow> byExperiment(long experimentId) {
        return db.withHandle("read trials of experiment " + experimentId, h -> h.createQuery(
                        SELECT + "WHERE t.experiment_id = :experimentId ORDER BY t.trial_index")
                .bind("experimentId", experimentId)
                .map((rs, ctx) -> rows.trial(rs))
                .list());
    }

    public Optional<TrialRow> byId(long trialId) {
        return db.withHandle("read trial " + trialId, h -> h.createQuery(SELECT + "WHERE t.id = :id")
                .bind("id", trialId)
                .map((rs, ctx) -> rows.trial(rs))
                .findOne());
    }

    /** The trial of an experiment with that index, if any. */
    public Optional<TrialRow> byIndex(long experimentId, int index) {
        return db.withHandle("read trial " + index + " of experiment " + experimentId, h -> h.createQuery(
                        SELECT + "WHERE t.experiment_id = :experimentId AND t.trial_index = :index")
                .bind("experimentId", experimentId)
                .bind("index", index)
                .map((rs, ctx) -> rows.trial(rs))
                .findOne());
    }
}
