package dev.workbench.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Claiming units: the oldest claimable unit of the given experiments is locked with
 * {@code FOR UPDATE SKIP LOCKED} (so concurrent claimers never wait on each other or take the same
 * unit) and taken over with a new attempt number and a lease from the database clock. A unit whose
 * lease expired counts as a failed attempt; after its last allowed attempt it fails instead (and, when it was
 * the last unit of a rung or a TPE batch, closes that, as a finishing unit would).
 */
final class UnitClaims {

    private static final String CANDIDATE = "SELECT u.id, u.experiment_id, u.kind, u.trial_id, u.fold, u.seed,"
            + " u.state, u.attempt, u.failures, u.max_attempts, u.owner, u.stop_epoch, u.resume_epoch FROM work_unit u"
            + " WHERE u.experiment_id IN (<experiments>)"
            + " AND (u.state = 'queued' OR (u.state = 'running' AND u.lease_until < CURRENT_TIMESTAMP))"
            + " AND (u.kind = 'fold' OR NOT EXISTS (SELECT 1 FROM work_unit f WHERE f.experiment_id = u.experiment_id"
            + " AND f.kind = 'fold' AND f.state IN ('queued', 'running')))"
            + " ORDER BY u.id LIMIT 1 FOR UPDATE SKIP LOCKED";
    static final String LEASE_UNTIL = "CURRENT_TIMESTAMP + CAST(:lease AS INT) * INTERVAL '1' SECOND";

    private final Database db;
    private final Rows rows;

    UnitClaims(Database db, Rows rows) {
        this.db = db;
        this.rows = rows;
    }

    /** Claims a unit of one of {@code experimentIds} for {@code who}, leased for {@code leaseSeconds}. */
    Optional<Claim> claim(
            List<Long> experimentIds, WorkerIdentity who, int leaseSeconds, Function<Long, BatchProposer> proposers) {
        if (experimentIds.isEmpty()) {
            return Optional.empty();
        }
        while (true) {
            Attempt next =
                    db.inTransaction("claim a unit", h -> claimOne(h, experimentIds, who, leaseSeconds, proposers));
            if (!next.gaveUp()) {
                return Optional.ofNullable(next.claim());
            }
        }
    }

    private Attempt claimOne(
            Handle h,
            List<Long> experimentIds,
            WorkerIdentity who,
            int leaseSeconds,
            Function<Long, BatchProposer> proposers) {
        Optional<Candidate> found = h.createQuery(CANDIDATE)
                .bindList("experiments", experimentIds)
                .map((rs, ctx) -> new Candidate(
                        rs.getLong("id"),
                        rs.getLong("experiment_id"),
                        UnitKind.of(rs.getString("kind")),
                        rs.getObject("trial_id", Long.class),
                        rs.getObject("fold", Integer.class),
                        rs.getObject("seed", Long.class),
                        rs.getString("state"),
                        rs.getInt("attempt"),
                        rs.getInt("failures"),
                        rs.getInt("max_attempts"),
                        rs.getString("owner"),
                        rs.getObject("stop_epoch", Integer.class),
                        rs.getInt("resume_epoch")))
                .findOne();
        if (found.isEmpty()) {
            return new Attempt(null, false);
        }
        Candidate c = found.get();
        boolean died = "running".equals(c.state());
        String error = died ? "attempt " + c.attempt() + " by " + c.owner() + " stopped renewing its lease" : null;
        if (died && c.failures() + 1 >= c.maxAttempts()) {
            giveUp(h, c, error, proposers.apply(c.experimentId()));
            return new Attempt(null, true);
        }
        h.createUpdate("UPDATE work_unit SET state = 'running', owner = :owner, attempt = attempt + 1,"
                        + " failures = failures + :died, lease_until = " + LEASE_UNTIL + ","
                        + " heartbeat_at = CURRENT_TIMESTAMP, claimed_at = CURRENT_TIMESTAMP, finished_at = NULL,"
                        + " error = COALESCE(:error, error) WHERE id = :id")
                .bind("owner", who.owner())
                .bind("died", died ? 1 : 0)
                .bind("lease", leaseSeconds)
                .bind("error", error)
                .bind("id", c.id())
                .execute();
        Long foldRunId = c.kind() == UnitKind.FOLD ? startFoldRun(h, c, who) : null;
        return new Attempt(
                new Claim(
                        c.id(),
                        c.experimentId(),
                        c.kind(),
                        c.trialId(),
                        c.fold(),
                        c.seed(),
                        who.owner(),
                        c.attempt() + 1,
                        foldRunId,
                        c.stopEpoch(),
                        c.resumeEpoch()),
                false);
    }

    /** Replaces any earlier attempt's fold run (and, by cascade, every row keyed by it) with a new one. */
    private static long startFoldRun(Handle h, Candidate c, WorkerIdentity who) {
        if (c.resumeEpoch() > 0) {
            Optional<Long> kept =
                    SegmentWrites.continueFoldRun(h, c.trialId(), c.fold(), c.resumeEpoch(), c.attempt() + 1, who);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        h.createUpdate("DELETE FROM fold_run WHERE trial_id = :trial AND fold = :fold")
                .bind("trial", c.trialId())
                .bind("fold", c.fold())
                .execute();
        h.createUpdate("UPDATE trial SET status = 'running', started_at = COALESCE(started_at, CURRENT_TIMESTAMP)"
                        + " WHERE id = :id AND status = 'queued'")
                .bind("id", c.trialId())
                .execute();
        return h.createUpdate("INSERT INTO fold_run (trial_id, fold, seed, status, unit_id, attempt, worker, backend,"
                        + " native_build) VALUES (:trial, :fold, :seed, 'running', :unit, :attempt, :worker, :backend,"
                        + " :nativeBuild)")
                .bind("trial", c.trialId())
                .bind("fold", c.fold())
                .bind("seed", c.seed())
                .bind("unit", c.id())
                .bind("attempt", c.attempt() + 1)
                .bind("worker", who.worker())
                .bind("backend", who.backend())
                .bind("nativeBuild", who.nativeBuild())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    private void giveUp(Handle h, Candidate c, String error, BatchProposer proposer) {
        String message = error + "; gave up after " + c.maxAttempts() + " attempts";
        h.createUpdate("UPDATE work_unit SET state = 'failed', failures = failures + 1, error = :error,"
                        + " lease_until = NULL, finished_at = CURRENT_TIMESTAMP WHERE id = :id")
                .bind("error", message)
                .bind("id", c.id())
                .execute();
        if (c.trialId() != null) {
            h.createUpdate("UPDATE fold_run SET status = 'failed', error = :error, finished_at = CURRENT_TIMESTAMP"
                            + " WHERE unit_id = :id")
                    .bind("error", message)
                    .bind("id", c.id())
                    .execute();
            Fence.failTrial(h, c.trialId(), "fold " + c.fold() + ": " + message);
        }
        RungBarrier.closeIfReady(h, c.experimentId());
        SearchBatches.closeIfReady(h, rows, c.experimentId(), proposer);
        Fence.completeExperimentIfIdle(h, c.experimentId());
    }

    private record Candidate(
            long id,
            long experimentId,
            UnitKind kind,
            Long trialId,
            Integer fold,
            Long seed,
            String state,
            int attempt,
            int failures,
            int maxAttempts,
            String owner,
            Integer stopEpoch,
            int resumeEpoch) {}

    /** A claim, none (null, not gave up), or a unit given up (look again). */
    private record Attempt(Claim claim, boolean gaveUp) {}
}
