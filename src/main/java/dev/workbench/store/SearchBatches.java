package dev.workbench.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * TPE's batches as rows: each batch row and its trials' {@code batch_index}. The lowest open batch closes once
 * no fold unit of its experiment is queued or running (its row locked first, then the units counted, as for
 * {@link RungBarrier}); whoever closes it proposes and inserts the next batch in the same transaction.
 */
final class SearchBatches {

    private SearchBatches() {}

    /** Closes the lowest open batch when all its units are settled and inserts the next; true when this call did. */
    static boolean closeIfReady(Handle h, Rows rows, long experimentId, BatchProposer proposer) {
        Optional<Integer> lowest = h.createQuery("SELECT batch_index FROM search_batch WHERE experiment_id = :id"
                        + " AND state = 'open' ORDER BY batch_index LIMIT 1")
                .bind("id", experimentId)
                .mapTo(Integer.class)
                .findOne();
        if (lowest.isEmpty() || proposer == null) {
            return false;
        }
        String state = h.createQuery(
                        "SELECT state FROM search_batch WHERE experiment_id = :id AND batch_index = :b" + " FOR UPDATE")
                .bind("id", experimentId)
                .bind("b", lowest.get())
                .mapTo(String.class)
                .one();
        long open = h.createQuery("SELECT COUNT(*) FROM work_unit WHERE experiment_id = :id AND kind = 'fold'"
                        + " AND state IN ('queued', 'running')")
                .bind("id", experimentId)
                .mapTo(Long.class)
                .one();
        if (!"open".equals(state) || open > 0) {
            return false;
        }
        h.createUpdate(
                        "UPDATE search_batch SET state = 'closed', closed_at = CURRENT_TIMESTAMP WHERE experiment_id = :id"
                                + " AND batch_index = :b")
                .bind("id", experimentId)
                .bind("b", lowest.get())
                .execute();
        List<BatchProposer.FinishedTrial> finished = h.createQuery("SELECT " + Rows.TRIAL_COLUMNS + " FROM trial t"
                        + " WHERE t.experiment_id = :id ORDER BY t.trial_index")
                .bind("id", experimentId)
                .map((rs, ctx) -> rows.trial(rs))
                .map(t -> new BatchProposer.FinishedTrial(
                        t.index(),
                        t.params(),
                        t.status(),
                        t.score() == null ? null : t.score().mean()))
                .list();
        BatchProposer.NextBatch next = proposer.propose(lowest.get() + 1, finished.size(), finished);
        if (next != null) {
            int maxAttempts = h.createQuery("SELECT MAX(max_attempts) FROM work_unit WHERE experiment_id = :id")
                    .bind("id", experimentId)
                    .mapTo(Integer.class)
                    .one();
            new SubmitWrites(h, rows).addTrials(experimentId, next.trials(), next.units(), maxAttempts);
            insert(h, experimentId, next.batch());
        }
        return true;
    }

    static void insert(Handle h, long experimentId, NewBatch b) {
        h.createUpdate("INSERT INTO search_batch (experiment_id, batch_index, first_trial, trials, proposer, state)"
                        + " VALUES (:experimentId, :index, :firstTrial, :trials, :proposer, 'open')")
                .bind("experimentId", experimentId)
                .bindMethods(b)
                .execute();
        h.createUpdate("UPDATE trial SET batch_index = :index WHERE experiment_id = :id AND trial_index >= :first"
                        + " AND trial_index < :end")
                .bind("index", b.index())
                .bind("id", experimentId)
                .bind("first", b.firstTrial())
                .bind("end", b.firstTrial() + b.trials())
                .execute();
    }
}
