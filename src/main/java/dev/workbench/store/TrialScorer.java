package dev.workbench.store;

import dev.workbench.metrics.ScoreSummary;
import java.util.List;

/**
 * Scores a trial whose folds are all done, inside the transaction that records its last fold, so exactly
 * one finisher scores it whatever the number of workers.
 */
@FunctionalInterface
public interface TrialScorer {

    /** The trial's score and provenance JSON from its done fold runs (ordered by fold, with epochs). */
    Score score(TrialRow trial, List<FoldRunRow> folds);

    /** A trial's cross-validated score and how it was trained. */
    record Score(ScoreSummary summary, String provenanceJson) {}
}
