package dev.workbench.store;

import dev.workbench.metrics.EpochMetrics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Reads of fold runs and their epoch metrics, which {@link WorkQueue} writes under a claim. Thread-safe. */
public final class FoldRunRepository {

    private final Database db;
    private final Rows rows;

    FoldRunRepository(Database db, Rows rows) {
        this.db = db;
        this.rows = rows;
    }

    /** The trial's fold runs ordered by fold, each with its epochs in order. */
    public List<FoldRunRow> byTrial(long trialId) {
        return db.snapshot(
                "read fold runs of trial " + trialId,
                h -> withEpochs(
                        h.createQuery("SELECT " + Rows.FOLD_RUN_COLUMNS + " FROM fold_run f WHERE f.trial_id = :trialId"
                                        + " ORDER BY f.fold")
                                .bind("trialId", trialId)
                                .map((rs, ctx) -> rows.foldRun(rs))
                                .list(),
                        epochsByFoldRun(h, "JOIN fold_run f ON f.id = m.fold_run_id WHERE f.trial_id = :id", trialId)));
    }

    /**
     * The fold runs of the given trials (of any experiments), each with its epochs, by trial id, read
     * on one snapshot in two queries; trials without fold runs are absent.
     */
    public Map<Long, List<FoldRunRow>> byTrials(Collection<Long> trialIds) {
        if (trialIds.isEmpty()) {
            return Map.of();
        }
        return db.snapshot("read fold runs of " + trialIds.size() + " trials", h -> {
            List<FoldRunRow> folds = h.createQuery("SELECT " + Rows.FOLD_RUN_COLUMNS + " FROM fold_run f"
                            + " WHERE f.trial_id IN (<ids>) ORDER BY f.trial_id, f.fold")
                    .bindList("ids", List.copyOf(trialIds))
                    .map((rs, ctx) -> rows.foldRun(rs))
                    .list();
            Map<Long, List<EpochMetrics>> epochs = h.createQuery("SELECT " + Rows.EPOCH_COLUMNS
                            + " FROM epoch_metric m JOIN fold_run f ON f.id = m.fold_run_id"
                            + " WHERE f.trial_id IN (<ids>) ORDER BY m.fold_run_id, m.epoch")
                    .bindList("ids", List.copyOf(trialIds))
                    .map((rs, ctx) -> Map.entry(rs.getLong("fold_run_id"), rows.epoch(rs)))
                    .collect(Collectors.groupingBy(
                            Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            return withEpochs(folds, epochs).stream().collect(Collectors.groupingBy(FoldRunRow::trialId));
        });
    }

    /**
     * Every fold run of the experiment with its last epoch, ordered by trial id and fold, in one query
     * (the experiment's curves are not read). Epochs are recorded 1, 2, ... so the last one's number is
     * the count.
     */
    public List<FoldOutcome> outcomesByExperiment(long experimentId) {
        return db.withHandle("read fold outcomes of experiment " + experimentId, h -> h.createQuery(
                        "SELECT " + Rows.FOLD_RUN_COLUMNS + ", " + Rows.EPOCH_COLUMNS
                                + " FROM (SELECT l.id AS fold_id, MAX(e.epoch) AS last FROM fold_run l"
                                + " JOIN trial t ON t.id = l.trial_id LEFT JOIN epoch_metric e ON e.fold_run_id = l.id"
                                + " WHERE t.experiment_id = :id GROUP BY l.id) n JOIN fold_run f ON f.id = n.fold_id"
                                + " LEFT JOIN epoch_metric m ON m.fold_run_id = f.id AND m.epoch = n.last"
                                + " ORDER BY f.trial_id, f.fold")
                .bind("id", experimentId)
                .map((rs, ctx) -> {
                    FoldRunRow f = rows.foldRun(rs);
                    rs.getLong("fold_run_id");
                    EpochMetrics last = rs.wasNull() ? null : rows.epoch(rs);
                    return new FoldOutcome(
                            f.trialId(),
                            f.fold(),
                            f.seed(),
                            f.status(),
                            f.error(),
                            last == null ? 0 : last.epoch(),
                            last);
                })
                .list());
    }

    /** How many epochs the experiment has recorded so far: grows with every finished epoch. */
    public long countEpochs(long experimentId) {
        return db.withHandle("count epochs of experiment " + experimentId, h -> h.createQuery(
                        "SELECT COUNT(*) FROM epoch_metric m JOIN fold_run f ON f.id = m.fold_run_id"
                                + " JOIN trial t ON t.id = f.trial_id WHERE t.experiment_id = :id")
                .bind("id", experimentId)
                .mapTo(Long.class)
                .one());
    }

    /** Epochs selected by {@code joinAndWhere} (over alias {@code m}, bound {@code :id}), by fold run id. */
    Map<Long, List<EpochMetrics>> epochsByFoldRun(Handle h, String joinAndWhere, long id) {
        return h.createQuery("SELECT " + Rows.EPOCH_COLUMNS + " FROM epoch_metric m " + joinAndWhere
                        + " ORDER BY m.fold_run_id, m.epoch")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getLong("fold_run_id"), rows.epoch(rs)))
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    static List<FoldRunRow> withEpochs(List<FoldRunRow> folds, Map<Long, List<EpochMetrics>> epochs) {
        return folds.stream()
                .map(f -> f.withEpochs(epochs.getOrDefault(f.id(), List.of())))
                .toList();
    }
}
