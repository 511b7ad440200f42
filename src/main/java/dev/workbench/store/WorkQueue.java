package dev.workbench.store;

import dev.workbench.metrics.ConfusionMatrix;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.StepMetrics;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The experiments' units of work as a queue in the results database, shared by any number of worker
 * processes on any machines. A unit is claimed by one worker thread under a lease that its heartbeat
 * renews; every write of the unit goes through {@link Fence}, so a worker whose claim was taken over
 * writes nothing. Thread-safe.
 */
public final class WorkQueue {

    private final Database db;
    private final Rows rows;
    private final Fence fence;
    private final UnitClaims claims;
    private final FoldRunRepository foldRuns;
    private final TraceWrites traces = new TraceWrites();

    WorkQueue(Database db, Rows rows, FoldRunRepository foldRuns) {
        this.db = db;
        this.rows = rows;
        this.fence = new Fence(db);
        this.claims = new UnitClaims(db, rows);
        this.foldRuns = foldRuns;
    }

    /** Stores the experiment, its trials and every unit in one transaction; returns the experiment id. */
    public long submit(Submission s) {
        return submit(s, true).experimentId();
    }

    /**
     * Like {@link #submit(Submission)}, serialised with every other submission of the same name: unless
     * {@code forceNew}, an experiment of that name found under the lock is returned instead (not created).
     */
    public Submitted submit(Submission s, boolean forceNew) {
        String name = s.experiment().name();
        for (int tries = 1; ; tries++) {
            try {
                return db.inTransaction("store experiment " + name + " and its units", h -> {
                    SubmitWrites writes = new SubmitWrites(h, rows);
                    writes.lockName(name);
                    Optional<Long> existing = forceNew ? Optional.empty() : writes.latestByName(name);
                    return existing.map(id -> new Submitted(id, false))
                            .orElseGet(() -> new Submitted(writes.submit(s), true));
                });
            } catch (dev.workbench.StoreException e) {
                if (tries >= 3 || !SubmitWrites.isLockRace(e)) {
                    throw e;
                }
            }
        }
    }

    /** The experiment a submission stored or found. */
    public record Submitted(long experimentId, boolean created) {}

    /** Queues the units of an experiment stored before there was a queue: done folds become done units. */
    public void queueStored(long experimentId, List<NewUnit> units, boolean refit, int maxAttempts) {
        db.useTransaction("queue the units of experiment " + experimentId, h -> new SubmitWrites(h, rows)
                .queueStored(experimentId, units, refit, maxAttempts));
    }

    /** How many units the experiment has (0 for one stored before there was a queue). */
    public long unitCount(long experimentId) {
        return db.withHandle("count units of experiment " + experimentId, h -> h.createQuery(
                        "SELECT COUNT(*) FROM work_unit WHERE experiment_id = :id")
                .bind("id", experimentId)
                .mapTo(Long.class)
                .one());
    }

    /** Claims the oldest claimable unit of the given experiments, if any; see {@link UnitClaims}. */
    public Optional<Claim> claim(List<Long> experimentIds, WorkerIdentity who, int leaseSeconds) {
        return claims.claim(experimentIds, who, leaseSeconds, id -> null);
    }

    /**
     * Like {@link #claim(List, WorkerIdentity, int)}; when a unit given up after its last attempt was the last
     * of a TPE batch, {@code proposers} gives the experiment's proposer of the next batch.
     */
    public Optional<Claim> claim(
            List<Long> experimentIds,
            WorkerIdentity who,
            int leaseSeconds,
            java.util.function.Function<Long, BatchProposer> proposers) {
        return claims.claim(experimentIds, who, leaseSeconds, proposers);
    }

    /**
     * Marks done (or failed) every running experiment that has units, none of them queued or running; returns
     * how many. Workers call it when they find nothing to claim.
     */
    public int completeIdleExperiments() {
        List<Long> idle = db.withHandle("find finished experiments", h -> h.createQuery("SELECT e.id FROM experiment e"
                        + " WHERE e.status = 'running' AND EXISTS (SELECT 1 FROM work_unit u WHERE u.experiment_id = e.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM work_unit u WHERE u.experiment_id = e.id"
                        + " AND u.state IN ('queued', 'running'))")
                .mapTo(Long.class)
                .list());
        int completed = 0;
        for (long id : idle) {
            if (db.inTransaction("finish experiment " + id, h -> Fence.completeExperimentIfIdle(h, id))) {
                completed++;
            }
        }
        return completed;
    }

    /** Renews the claim's lease from now; false when the claim is no longer held. */
    public boolean heartbeat(Claim claim, int leaseSeconds) {
        return db.withHandle("renew the lease of unit " + claim.unitId(), h -> h.createUpdate(
                                "UPDATE work_unit SET lease_until = " + UnitClaims.LEASE_UNTIL
                                        + ", heartbeat_at = CURRENT_TIMESTAMP"
                                        + " WHERE id = :id AND owner = :owner AND attempt = :attempt AND state = 'running'")
                        .bind("lease", leaseSeconds)
                        .bind("id", claim.unitId())
                        .bind("owner", claim.owner())
                        .bind("attempt", claim.attempt())
                        .execute())
                == 1;
    }

    /** Records one finished epoch of a claimed fold unit. */
    public void addEpoch(Claim claim, EpochMetrics m) {
        addEpoch(claim, List.of(), m);
    }

    /** Records one finished epoch of a claimed fold unit, with the steps logged within it, in one transaction. */
    public void addEpoch(Claim claim, List<StepMetrics> steps, EpochMetrics m) {
        fence.write(claim, "record epoch " + m.epoch() + " of unit " + claim.unitId(), h -> {
            traces.steps(h, claim.foldRunId(), steps);
            return h.createUpdate("INSERT INTO epoch_metric (fold_run_id, epoch, train_loss, train_accuracy, val_loss,"
                            + " val_accuracy, learning_rate, seconds) VALUES (:foldRunId, :epoch, :trainLoss,"
                            + " :trainAccuracy, :valLoss, :valAccuracy, :learningRate, :seconds)")
                    .bind("foldRunId", claim.foldRunId())
                    .bindMethods(m)
                    .execute();
        });
    }

    /**
     * Records a reading of every layer's weight spread of a claimed fold unit, after the steps logged since
     * the last epoch (those of an epoch that is about to fail), in one transaction.
     */
    public void addSpread(Claim claim, List<StepMetrics> steps, List<LayerSpread> spread) {
        fence.write(claim, "record weight spread of unit " + claim.unitId(), h -> {
            traces.steps(h, claim.foldRunId(), steps);
            traces.spread(h, claim.foldRunId(), spread);
            return null;
        });
    }

    /** Stores the confusion matrix of a claimed fold unit's model on its validation rows. */
    public void saveConfusion(Claim claim, ConfusionMatrix m) {
        fence.write(claim, "record confusion matrix of unit " + claim.unitId(), h -> {
            traces.confusion(h, claim.foldRunId(), m);
            return null;
        });
    }

    /**
     * Marks a fold unit done; when it was the trial's last, scores the trial with {@code scorer} in the same
     * transaction (exactly once, whatever the number of workers), and finishes an idle experiment.
     */
    public UnitOutcome finishFold(Claim claim, TrialScorer scorer) {
        return finishFold(claim, scorer, null);
    }

    /**
     * Like {@link #finishFold(Claim, TrialScorer)}; when the unit was the last of a TPE batch, {@code proposer}
     * (null outside TPE) proposes the next batch, inserted in the same transaction.
     */
    public UnitOutcome finishFold(Claim claim, TrialScorer scorer, BatchProposer proposer) {
        return fence.write(claim, "finish unit " + claim.unitId(), h -> {
            h.createUpdate("UPDATE fold_run SET status = 'done', finished_at = CURRENT_TIMESTAMP WHERE id = :id")
                    .bind("id", claim.foldRunId())
                    .execute();
            settle(h, claim, "done", null);
            SegmentWrites.dropCheckpoint(h, claim.unitId());
            scoreIfComplete(h, claim.trialId(), scorer);
            RungBarrier.closeIfReady(h, claim.experimentId());
            SearchBatches.closeIfReady(h, rows, claim.experimentId(), proposer);
            return new UnitOutcome(false, Fence.completeExperimentIfIdle(h, claim.experimentId()));
        });
    }

    /**
     * Marks a fold unit's segment done at a rung with the checkpoint to continue from; when it was the rung's
     * last unit, closes the rung in the same transaction (see {@link RungBarrier}).
     */
    public UnitOutcome finishSegment(Claim claim, SavedCheckpoint checkpoint) {
        return fence.write(claim, "pause unit " + claim.unitId() + " at epoch " + checkpoint.epoch(), h -> {
            h.createUpdate("UPDATE fold_run SET status = 'done', finished_at = CURRENT_TIMESTAMP WHERE id = :id")
                    .bind("id", claim.foldRunId())
                    .execute();
            SegmentWrites.saveCheckpoint(h, claim.unitId(), checkpoint);
            settle(h, claim, "done", null);
            RungBarrier.closeIfReady(h, claim.experimentId());
            return new UnitOutcome(false, Fence.completeExperimentIfIdle(h, claim.experimentId()));
        });
    }

    /** The checkpoint a resumed fold unit continues from (read under its claim's fence). */
    public SavedCheckpoint checkpoint(Claim claim) {
        return fence.write(
                claim, "read the checkpoint of unit " + claim.unitId(), h -> SegmentWrites.checkpoint(h, claim.unitId())
                        .orElseThrow(() -> new IllegalStateException("unit " + claim.unitId() + " resumes after epoch "
                                + claim.resumeEpoch() + " but has no checkpoint")));
    }

    private void scoreIfComplete(Handle h, long trialId, TrialScorer scorer) {
        TrialRow trial = h.createQuery("SELECT " + Rows.TRIAL_COLUMNS + " FROM trial t WHERE t.id = :id FOR UPDATE")
                .bind("id", trialId)
                .map((rs, ctx) -> rows.trial(rs))
                .one();
        long notDone = h.createQuery("SELECT COUNT(*) FROM work_unit WHERE trial_id = :id AND state <> 'done'")
                .bind("id", trialId)
                .mapTo(Long.class)
                .one();
        if (notDone > 0 || trial.status().finished()) {
            return;
        }
        List<FoldRunRow> folds = FoldRunRepository.withEpochs(
                h.createQuery("SELECT " + Rows.FOLD_RUN_COLUMNS
                                + " FROM fold_run f WHERE f.trial_id = :id ORDER BY f.fold")
                        .bind("id", trialId)
                        .map((rs, ctx) -> rows.foldRun(rs))
                        .list(),
                foldRuns.epochsByFoldRun(h, "JOIN fold_run f ON f.id = m.fold_run_id WHERE f.trial_id = :id", trialId));
        TrialScorer.Score score = scorer.score(trial, folds);
        var s = score.summary();
        h.createUpdate("UPDATE trial SET status = 'done', error = NULL, score_mean = :mean, score_std = :std,"
                        + " ci95_low = :low, ci95_high = :high, score_n = :n, finished_at = CURRENT_TIMESTAMP,"
                        + " provenance_json = :provenance WHERE id = :id")
                .bind("mean", s.mean())
                .bind("std", s.std())
                .bind("low", s.ci95Low())
                .bind("high", s.ci95High())
                .bind("n", s.n())
                .bind("provenance", score.provenanceJson())
                .bind("id", trialId)
                .execute();
    }

    /** Stores the refit of a claimed refit unit (its result, and its model when there is one) and marks the unit done. */
    public UnitOutcome finishRefit(Claim claim, Refit refit, byte[] modelZip) {
        return fence.write(claim, "finish the refit of experiment " + claim.experimentId(), h -> {
            RefitRepository.save(h, claim.experimentId(), refit);
            if (modelZip != null) {
                h.createUpdate("UPDATE refit SET model_zip = :zip WHERE experiment_id = :id")
                        .bind("zip", modelZip)
                        .bind("id", claim.experimentId())
                        .execute();
            }
            settle(h, claim, refit.status().value(), refit.error());
            return new UnitOutcome(false, Fence.completeExperimentIfIdle(h, claim.experimentId()));
        });
    }

    /**
     * Records that the attempt threw: the unit is queued again while it has attempts left (and
     * {@code retryable}: the failure is not a deterministic result of its seed), else it fails with
     * {@code error}, and so does its trial (the search goes on).
     */
    public UnitOutcome fail(Claim claim, String error, boolean retryable) {
        return fail(claim, error, retryable, null);
    }

    /** Like {@link #fail(Claim, String, boolean)}; a failed last unit of a TPE batch has {@code proposer} propose the next. */
    public UnitOutcome fail(Claim claim, String error, boolean retryable, BatchProposer proposer) {
        return fence.write(claim, "record failure of unit " + claim.unitId(), h -> {
            int failures = h.createQuery("SELECT failures FROM work_unit WHERE id = :id")
                            .bind("id", claim.unitId())
                            .mapTo(Integer.class)
                            .one()
                    + 1;
            int max = h.createQuery("SELECT max_attempts FROM work_unit WHERE id = :id")
                    .bind("id", claim.unitId())
                    .mapTo(Integer.class)
                    .one();
            boolean retry = retryable && failures < max;
            h.createUpdate("UPDATE work_unit SET failures = :failures WHERE id = :id")
                    .bind("failures", failures)
                    .bind("id", claim.unitId())
                    .execute();
            h.createUpdate("UPDATE fold_run SET status = 'failed', error = :error, finished_at = CURRENT_TIMESTAMP"
                            + " WHERE unit_id = :id")
                    .bind("error", error)
                    .bind("id", claim.unitId())
                    .execute();
            settle(h, claim, retry ? "queued" : "failed", error);
            if (!retry && claim.trialId() != null) {
                Fence.failTrial(h, claim.trialId(), "fold " + claim.fold() + ": " + error);
            }
            if (!retry) {
                RungBarrier.closeIfReady(h, claim.experimentId());
                SearchBatches.closeIfReady(h, rows, claim.experimentId(), proposer);
            }
            return new UnitOutcome(retry, !retry && Fence.completeExperimentIfIdle(h, claim.experimentId()));
        });
    }

    /** Gives a claimed unit back unfinished (the worker is stopping): its attempt's rows go, it is queued again. */
    public void release(Claim claim) {
        fence.write(claim, "release unit " + claim.unitId(), h -> {
            if (claim.resumeEpoch() == 0) { // a resumed unit keeps its epochs up to the checkpoint
                h.createUpdate("DELETE FROM fold_run WHERE unit_id = :id")
                        .bind("id", claim.unitId())
                        .execute();
            }
            return settle(h, claim, "queued", null);
        });
    }

    private static int settle(Handle h, Claim claim, String state, String error) {
        boolean finished = !"queued".equals(state);
        return h.createUpdate(
                        "UPDATE work_unit SET state = :state, error = COALESCE(:error, error), lease_until = NULL,"
                                + " finished_at = " + (finished ? "CURRENT_TIMESTAMP" : "NULL") + " WHERE id = :id")
                .bind("state", state)
                .bind("error", error)
                .bind("id", claim.unitId())
                .execute();
    }
}
