package dev.workbench.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The inserts of a submission, on one open transaction. */
final class SubmitWrites {

    private final Handle h;
    private final Rows rows;

    SubmitWrites(Handle h, Rows rows) {
        this.h = h;
        this.rows = rows;
    }

    /** Locks the name's row of submit_lock until the transaction ends (creating it: a race fails one creator). */
    void lockName(String name) {
        int updated = h.createUpdate("UPDATE submit_lock SET submissions = submissions + 1 WHERE name = :name")
                .bind("name", name)
                .execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO submit_lock (name, submissions) VALUES (:name, 1)")
                    .bind("name", name)
                    .execute();
        }
    }

    /** Whether a submission failed because another created the same name's lock row first (then try again). */
    static boolean isLockRace(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    Optional<Long> latestByName(String name) {
        return h.createQuery("SELECT id FROM experiment WHERE name = :name ORDER BY id DESC LIMIT 1")
                .bind("name", name)
                .mapTo(Long.class)
                .findOne();
    }

    long submit(Submission s) {
        NewExperiment e = s.experiment();
        long id = h.createUpdate(
                        "INSERT INTO experiment (name, spec_hash, spec_json, spec_yaml, seed, strategy, metric,"
                                + " goal, status, provenance_json, inference_batch, kernels) VALUES (:name, :specHash,"
                                + " :specJson, :specYaml, :seed, :strategy, :metric, :goal, 'running', :provenance, :inferenceBatch,"
                                + " :kernels)")
                .bindMethods(e)
                .bind("provenance", s.provenanceJson())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        insertTrials(id, s.trials());
        queueStored(id, s.units(), s.refit(), s.maxAttempts());
        rungs(id, s.rungs());
        if (s.firstBatch() != null) {
            SearchBatches.insert(h, id, s.firstBatch());
        }
        return id;
    }

    private void insertTrials(long experimentId, List<NewTrial> news) {
        PreparedBatch trials =
                h.prepareBatch("INSERT INTO trial (experiment_id, trial_index, params_json, seed, status)"
                        + " VALUES (:experimentId, :index, :params, :seed, 'queued')");
        for (NewTrial t : news) {
            trials.bind("experimentId", experimentId)
                    .bind("index", t.index())
                    .bind("params", rows.paramsJson(t.params()))
                    .bind("seed", t.seed())
                    .add();
        }
        if (!news.isEmpty()) {
            trials.execute();
        }
    }

    /** Adds trials and their fold units to a stored experiment (a TPE batch). */
    void addTrials(long experimentId, List<NewTrial> trials, List<NewUnit> units, int maxAttempts) {
        insertTrials(experimentId, trials);
        java.util.Set<Integer> added = new java.util.HashSet<>();
        trials.forEach(t -> added.add(t.index()));
        PreparedBatch batch = h.prepareBatch("INSERT INTO work_unit (experiment_id, kind, trial_id, fold, seed, state,"
                + " max_attempts) VALUES (:experimentId, 'fold', (SELECT id FROM trial WHERE experiment_id = :experimentId"
                + " AND trial_index = :index), :fold, :seed, 'queued', :maxAttempts)");
        for (NewUnit u : units) {
            if (!added.contains(u.trialIndex())) {
                throw new IllegalArgumentException("unit of unknown trial " + u.trialIndex());
            }
            batch.bind("experimentId", experimentId)
                    .bind("index", u.trialIndex())
                    .bind("fold", u.fold())
                    .bind("seed", u.seed())
                    .bind("maxAttempts", maxAttempts)
                    .add();
        }
        if (!units.isEmpty()) {
            batch.execute();
        }
    }

    /** Stores the rung barriers; every fold unit first pauses at the first. */
    private void rungs(long experimentId, List<NewRung> rungs) {
        if (rungs.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch(
                "INSERT INTO rung (experiment_id, rung_index, epoch, next_epoch,"
                        + " reduction_factor, state) VALUES (:experimentId, :index, :epoch, :nextEpoch, :reductionFactor, 'open')");
        for (NewRung r : rungs) {
            batch.bind("experimentId", experimentId).bindMethods(r).add();
        }
        batch.execute();
        h.createUpdate("UPDATE work_unit SET stop_epoch = :epoch WHERE experiment_id = :id AND kind = 'fold'")
                .bind("epoch", rungs.get(0).epoch())
                .bind("id", experimentId)
                .execute();
    }

    /** Inserts the units; a fold already done (in a database from before the queue) becomes a done unit. */
    void queueStored(long experimentId, List<NewUnit> units, boolean refit, int maxAttempts) {
        Map<Integer, Long> trialIds = h.createQuery("SELECT trial_index, id FROM trial WHERE experiment_id = :id")
                .bind("id", experimentId)
                .map((rs, ctx) -> Map.entry(rs.getInt("trial_index"), rs.getLong("id")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        PreparedBatch batch = h.prepareBatch("INSERT INTO work_unit (experiment_id, kind, trial_id, fold, seed, state,"
                + " max_attempts) VALUES (:experimentId, 'fold', :trialId, :fold, :seed, CASE WHEN EXISTS (SELECT 1"
                + " FROM fold_run r WHERE r.trial_id = :trialId AND r.fold = :fold AND r.status = 'done') THEN 'done'"
                + " ELSE 'queued' END, :maxAttempts)");
        for (NewUnit u : units) {
            Long trialId = trialIds.get(u.trialIndex());
            if (trialId == null) {
                throw new IllegalArgumentException("unit of unknown trial " + u.trialIndex());
            }
            batch.bind("experimentId", experimentId)
                    .bind("trialId", trialId)
                    .bind("fold", u.fold())
                    .bind("seed", u.seed())
                    .bind("maxAttempts", maxAttempts)
                    .add();
        }
        if (!units.isEmpty()) {
            batch.execute();
        }
        h.createUpdate("UPDATE work_unit SET state = 'failed', error = 'not run: the trial had failed'"
                        + " WHERE experiment_id = :id AND state = 'queued' AND trial_id IN (SELECT t.id FROM trial t"
                        + " WHERE t.experiment_id = :id AND t.status = 'failed')")
                .bind("id", experimentId)
                .execute();
        if (refit) {
            h.createUpdate("INSERT INTO work_unit (experiment_id, kind, state, max_attempts) VALUES (:id, 'refit',"
                            + " CASE WHEN EXISTS (SELECT 1 FROM refit r WHERE r.experiment_id = :id AND r.status = 'done')"
                            + " THEN 'done' ELSE 'queued' END, :maxAttempts)")
                    .bind("id", experimentId)
                    .bind("maxAttempts", maxAttempts)
                    .execute();
        }
        h.createUpdate(
                        "UPDATE fold_run SET unit_id = (SELECT u.id FROM work_unit u WHERE u.trial_id = fold_run.trial_id"
                                + " AND u.fold = fold_run.fold) WHERE trial_id IN (SELECT id FROM trial WHERE experiment_id = :id)")
                .bind("id", experimentId)
                .execute();
    }
}
