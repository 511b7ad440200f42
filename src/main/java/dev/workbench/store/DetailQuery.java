package dev.workbench.store;

import dev.workbench.metrics.EpochMetrics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Reads one experiment with all its trials, fold runs, epochs and refit in five queries on one
 * consistent snapshot, whatever the number of trials.
 */
final class DetailQuery {

    private final Database db;
    private final Rows rows;
    private final FoldRunRepository foldRuns;

    DetailQuery(Database db, Rows rows, FoldRunRepository foldRuns) {
        this.db = db;
        this.rows = rows;
        this.foldRuns = foldRuns;
    }

    Optional<ExperimentDetail> load(long experimentId) {
        return db.snapshot("read experiment " + experimentId, h -> h.createQuery(
                        "SELECT " + Rows.EXPERIMENT_COLUMNS + " FROM experiment e WHERE e.id = :id")
                .bind("id", experimentId)
                .map((rs, ctx) -> rows.experiment(rs))
                .findOne()
                .map(experiment -> new ExperimentDetail(experiment, trials(h, experimentId), refit(h, experimentId))));
    }

    private List<TrialDetail> trials(Handle h, long experimentId) {
        List<TrialRow> trials = h.createQuery("SELECT " + Rows.TRIAL_COLUMNS + " FROM trial t"
                        + " WHERE t.experiment_id = :id ORDER BY t.trial_index")
                .bind("id", experimentId)
                .map((rs, ctx) -> rows.trial(rs))
                .list();
        Map<Long, List<FoldRunRow>> folds =
                folds(h, experimentId).stream().collect(Collectors.groupingBy(FoldRunRow::trialId));
        return trials.stream()
                .map(t -> new TrialDetail(t, folds.getOrDefault(t.id(), List.of())))
                .toList();
    }

    private List<FoldRunRow> folds(Handle h, long experimentId) {
        List<FoldRunRow> folds = h.createQuery("SELECT " + Rows.FOLD_RUN_COLUMNS + " FROM fold_run f"
                        + " JOIN trial t ON t.id = f.trial_id WHERE t.experiment_id = :id ORDER BY f.trial_id, f.fold")
                .bind("id", experimentId)
                .map((rs, ctx) -> rows.foldRun(rs))
                .list();
        Map<Long, List<EpochMetrics>> epochs = foldRuns.epochsByFoldRun(
                h,
                "JOIN fold_run f ON f.id = m.fold_run_id JOIN trial t ON t.id = f.trial_id WHERE t.experiment_id = :id",
                experimentId);
        return FoldRunRepository.withEpochs(folds, epochs);
    }

    private RefitRow refit(Handle h, long experimentId) {
        return h.createQuery("SELECT " + Rows.REFIT_COLUMNS + " FROM refit r WHERE r.experiment_id = :id")
                .bind("id", experimentId)
                .map((rs, ctx) -> rows.refit(rs))
                .findOne()
                .orElse(null);
    }
}
