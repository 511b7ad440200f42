package dev.workbench.store;

import org.jdbi.v3.core.Handle;

/** TPE's batches as rows: each batch row and its trials' {@code batch_index}. */
final class SearchBatches {

    private SearchBatches() {}

    static void insert(Handle h, long experimentId, NewBatch b) {
        h.createUpdate("INSERT INTO search_batch (experiment_id, batch_index, first_trial, trials, proposer, state)"
                        + " VALUES (:experimentId, :index, :firstTrial, :trials, :proposer, 'open')")
                .bind("experimentId", experimentId).bindMethods(b).execute();
        h.createUpdate("UPDATE trial SET batch_index = :index WHERE experiment_id = :id AND trial_index >= :first"
                        + " AND trial_index < :end")
                .bind("index", b.index()).bind("id", experimentId).bind("first", b.firstTrial())
                .bind("end", b.firstTrial() + b.trials()).execute();
    }
}
