package dev.workbench.store;

import java.util.List;
import java.util.Objects;

/**
 * An experiment and all its work, stored in one transaction before anything trains.
 *
 * @param experiment     the experiment row
 * @param provenanceJson the submitting run's provenance (data file hashes that workers check); may be null
 * @param trials         every candidate
 * @param units          every (trial, fold) unit
 * @param refit          whether a refit unit follows once every trial is done or failed
 * @param maxAttempts    claims of one unit that may die or throw before the unit fails
 * @param rungs          successive halving's barriers, in order (empty: none); every unit first pauses at the first
 * @param firstBatch     TPE's first batch (the random startup trials, which are all of {@code trials}); null: no batches
 */
public record Submission(
        NewExperiment experiment,
        String provenanceJson,
        List<NewTrial> trials,
        List<NewUnit> units,
        boolean refit,
        int maxAttempts,
        List<NewRung> rungs,
        NewBatch firstBatch) {

    public Submission {
        Objects.requireNonNull(experiment, "experiment");
        trials = List.copyOf(trials);
        units = List.copyOf(units);
        rungs = List.copyOf(rungs);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** A submission without rungs or batches. */
    public Submission(
            NewExperiment experiment,
            String provenanceJson,
            List<NewTrial> trials,
            List<NewUnit> units,
            boolean refit,
            int maxAttempts) {
        this(experiment, provenanceJson, trials, units, refit, maxAttempts, List.of(), null);
    }
}
