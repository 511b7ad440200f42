package dev.workbench.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Settings of the Tree-structured Parzen Estimator ({@code search.tpe}); every field is optional.
 *
 * @param startupTrials random candidates before the model proposes any (default {@value #STARTUP_TRIALS})
 * @param batch         candidates proposed together from the trials finished before them (default {@value #BATCH})
 * @param candidates    samples drawn from l(x) and scored by l(x)/g(x) for each proposal (default {@value #CANDIDATES})
 * @param gamma         share of finished trials counted as good (default {@value #GAMMA})
 */
public record TpeSpec(Integer startupTrials, Integer batch, Integer candidates, Double gamma) {

    /** Default {@code startup_trials}. */
    public static final int STARTUP_TRIALS = 10;
    /** Default {@code batch}. */
    public static final int BATCH = 4;
    /** Default {@code candidates}. */
    public static final int CANDIDATES = 24;
    /** Default {@code gamma}. */
    public static final double GAMMA = 0.25;

    /** All defaults. */
    public static TpeSpec defaults() {
        return new TpeSpec(null, null, null, null);
    }

    @JsonIgnore
    public int startupTrialsOrDefault() {
        return startupTrials == null ? STARTUP_TRIALS : startupTrials;
    }

    @JsonIgnore
    public int batchOrDefault() {
        return batch == null ? BATCH : batch;
    }

    @JsonIgnore
    public int candidatesOrDefault() {
        return candidates == null ? CANDIDATES : candidates;
    }

    @JsonIgnore
    public double gammaOrDefault() {
        return gamma == null ? GAMMA : gamma;
    }
}
