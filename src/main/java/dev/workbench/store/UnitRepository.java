package dev.workbench.store;

import java.util.List;
import java.util.Optional;

/** Reads of the units of work, for workers deciding what to serve and for the dashboard. Thread-safe. */
public final class UnitRepository {

    private static final String SELECT = "SELECT u.id, u.experiment_id, u.kind, t.trial_index, u.fold, u.state,"
            + " u.attempt, u.failures, u.max_attempts, u.owner, u.lease_until, u.heartbeat_at, u.error"
            + " FROM work_unit u LEFT JOIN trial t ON t.id = u.trial_id ";

    private final Database db;

    UnitRepository(Database db) {
        this.db = db;
    }

    /** Every unit of the experiment in queue order. */
    public List<UnitRow> byExperiment(long experimentId) {
        return db.withHandle("read units of experiment " + experimentId, h -> h.createQuery(
                        SELECT + "WHERE u.experiment_id = :id ORDER BY u.id")
                .bind("id", experimentId)
                .map((rs, ctx) -> new UnitRow(
                        rs.getLong("id"),
                        rs.getLong("experiment_id"),
                        UnitKind.of(rs.getString("kind")),
                        rs.getObject("trial_index", Integer.class),
                        rs.getObject("fold", Integer.class),
                        rs.getString("state"),
                        rs.getInt("attempt"),
                        rs.getInt("failures"),
                        rs.getInt("max_attempts"),
                        rs.getString("owner"),
                        Rows.instant(rs, "lease_until"),
                        Rows.instant(rs, "heartbeat_at"),
                        rs.getString("error")))
                .list());
    }

    /** Every fold unit of the experiment in queue order, with its trial's state and the epochs it stored. */
    public List<FoldProgressRow> foldProgress(long experimentId) {
        return db.withHandle("read the progress of experiment " + experimentId, h -> h.createQuery(
                        "SELECT t.trial_index, t.status, u.state, u.resume_epoch, (SELECT COUNT(*) FROM epoch_metric m"
                                + " JOIN fold_run f ON f.id = m.fold_run_id WHERE f.unit_id = u.id) FROM work_unit u"
                                + " JOIN trial t ON t.id = u.trial_id WHERE u.experiment_id = :id AND u.kind = 'fold'"
                                + " ORDER BY u.id")
                .bind("id", experimentId)
                .map((rs, ctx) -> new FoldProgressRow(
                        rs.getInt(1),
                        java.util.Set.of("queued", "running").contains(rs.getString(2)),
                        java.util.Set.of("done", "failed").contains(rs.getString(3)),
                        rs.getInt(4),
                        rs.getInt(5)))
                .list());
    }

    /** Ids of experiments (all, or those named {@code name}) with a unit queued or running, oldest first. */
    public List<Long> withOpenWork(Optional<String> name) {
        return db.withHandle("find experiments with work", h -> h.createQuery(
                        "SELECT DISTINCT e.id FROM experiment e JOIN work_unit u ON u.experiment_id = e.id"
                                + " WHERE u.state IN ('queued', 'running')"
                                + (name.isPresent() ? " AND e.name = :name" : "") + " ORDER BY e.id")
                .bindMap(name.isPresent() ? java.util.Map.of("name", name.get()) : java.util.Map.of())
                .mapTo(Long.class)
                .list());
    }
}
