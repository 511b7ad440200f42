package dev.workbench.store;

import dev.workbench.UserInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Experiments: find, list with trial counts and best score, provenance and delete. Stored and finished by
 * {@link WorkQueue}. Thread-safe.
 */
public final class ExperimentRepository {

    private static final String SELECT = "SELECT " + Rows.EXPERIMENT_COLUMNS + " FROM experiment e ";
    private static final String FINITE_DONE_SCORE = "CASE WHEN t.status = 'done' "
            + "AND t.score_mean > CAST('-Infinity' AS DOUBLE PRECISION) "
            + "AND t.score_mean < CAST('Infinity' AS DOUBLE PRECISION) THEN t.score_mean END";
    private static final String LIST = "SELECT e.id, e.name, e.strategy, e.metric, e.goal, e.status, "
            + "e.created_at, e.finished_at, COUNT(t.id) AS trials_total, "
            + "COUNT(CASE WHEN t.status = 'done' THEN 1 END) AS trials_done, "
            + "COUNT(CASE WHEN t.status = 'failed' THEN 1 END) AS trials_failed, "
            + "CASE WHEN e.goal = 'maximize' THEN MAX(" + FINITE_DONE_SCORE + ") "
            + "ELSE MIN(" + FINITE_DONE_SCORE + ") END AS best_score "
            + "FROM experiment e LEFT JOIN trial t ON t.experiment_id = e.id "
            + "GROUP BY e.id, e.name, e.strategy, e.metric, e.goal, e.status, e.created_at, e.finished_at "
            + "ORDER BY e.id DESC";

    private final Database db;
    private final Rows rows;
    private final DetailQuery detail;

    ExperimentRepository(Database db, Rows rows, DetailQuery detail) {
        this.db = db;
        this.rows = rows;
        this.detail = detail;
    }

    /** The most recently created experiment with this name (highest id), if any. */
    public Optional<ExperimentRow> latestByName(String name) {
        return db.withHandle("find experiment " + name, h -> h.createQuery(
                        SELECT + "WHERE e.name = :name ORDER BY e.id DESC LIMIT 1")
                .bind("name", name)
                .map((rs, ctx) -> rows.experiment(rs))
                .findOne());
    }

    /** Like {@link #latestByName} but an unknown name is the user's mistake. */
    public ExperimentRow requireLatestByName(String name) {
        return latestByName(name).orElseThrow(() -> new UserInputException("no experiment named '" + name + "'"));
    }

    public Optional<ExperimentRow> byId(long id) {
        return db.withHandle("find experiment " + id, h -> h.createQuery(SELECT + "WHERE e.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> rows.experiment(rs))
                .findOne());
    }

    /** All experiments, newest first, with trial counts and best finite score of done trials. */
    public List<ExperimentSummary> list() {
        return db.withHandle(
                "list experiments",
                h -> h.createQuery(LIST).map((rs, ctx) -> summary(rs)).list());
    }

    /** One experiment's line of {@link #list()}, if it exists. */
    public Optional<ExperimentSummary> summary(long id) {
        return db.withHandle(
                "summarise experiment " + id, h -> h.createQuery("SELECT * FROM (" + LIST + ") s WHERE s.id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> summary(rs))
                        .findOne());
    }

    private static ExperimentSummary summary(ResultSet rs) throws SQLException {
        return new ExperimentSummary(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("strategy"),
                rs.getString("metric"),
                rs.getString("goal"),
                RunStatus.of(rs.getString("status")),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "finished_at"),
                rs.getInt("trials_total"),
                rs.getInt("trials_done"),
                rs.getInt("trials_failed"),
                Rows.nullableDouble(rs, "best_score"));
    }

    /** Stores the provenance JSON, replacing any earlier one. */
    public void setProvenance(long id, String json) {
        db.updateById(
                "store provenance of experiment " + id,
                "experiment",
                id,
                "UPDATE experiment SET provenance_json = :json WHERE id = :id",
                u -> u.bind("json", json));
    }

    /** Deletes the experiment with everything stored for it (trials, units, fold runs, epochs, refit). */
    public void delete(long id) {
        db.updateById("delete experiment " + id, "experiment", id, "DELETE FROM experiment WHERE id = :id", u -> u);
    }

    /** The experiment with all trials, fold runs, epochs and refit, read in five queries. */
    public Optional<ExperimentDetail> loadDetail(long id) {
        return detail.load(id);
    }
}
