package dev.workbench.app;

import dev.workbench.spec.SearchSpec;
import dev.workbench.store.NewBatch;

/** How a search's candidates reach the queue: all at once, or (TPE) in batches proposed as results come in. */
final class SearchPlan {

    /** The proposer of TPE's startup batch. */
    static final String RANDOM = "random";
    /** The proposer of TPE's later batches. */
    static final String TPE = "tpe";

    private SearchPlan() {}

    /** TPE's first batch (its random startup trials); null for grid and random search. */
    static NewBatch firstBatch(SearchSpec search, int startupTrials) {
        return search.strategy() == SearchSpec.Strategy.TPE ? new NewBatch(0, 0, startupTrials, RANDOM) : null;
    }
}
