package dev.workbench.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Early stopping of whole trials ({@code search.pruning}): successive halving across folds.
 *
 * @param method          {@code halving}
 * @param minEpochs       the first rung's epoch (default {@value #MIN_EPOCHS})
 * @param reductionFactor rungs are {@code min_epochs × reduction_factor^k} epochs apart and keep the best
 *                        {@code 1/reduction_factor} of the trials (default {@value #REDUCTION_FACTOR})
 */
public record PruningSpec(Method method, Integer minEpochs, Integer reductionFactor) {

    /** Default {@code min_epochs}. */
    public static final int MIN_EPOCHS = 1;
    /** Default {@code reduction_factor}. */
    public static final int REDUCTION_FACTOR = 3;

    @JsonIgnore
    public int minEpochsOrDefault() {
        return minEpochs == null ? MIN_EPOCHS : minEpochs;
    }

    @JsonIgnore
    public int reductionFactorOrDefault() {
        return reductionFactor == null ? REDUCTION_FACTOR : reductionFactor;
    }

    /** Pruning methods. */
    public enum Method {
        HALVING
    }
}
