package dev.workbench.spec;

/**
 * Checks {@code search.tpe} and {@code search.pruning}: each belongs to its strategies, and pruning needs a
 * fixed number of epochs above its first rung and no per-fold early stopping (a fold stopped early could not
 * reach the next rung).
 */
final class AdaptiveChecks {

    private final SpecValidator v;

    AdaptiveChecks(SpecValidator v) {
        this.v = v;
    }

    void check(SearchSpec search, TrainingSpec training) {
        boolean tpe = search.strategy() == SearchSpec.Strategy.TPE;
        if (search.tpe() != null) {
            v.require(
                    tpe,
                    "search.tpe",
                    "applies to strategy tpe only (the strategy is "
                            + search.strategy().name().toLowerCase(java.util.Locale.ROOT) + ")");
            checkTpe(search.tpe());
        }
        if (search.pruning() != null) {
            v.require(!tpe, "search.pruning", "cannot be combined with strategy tpe: use halving with grid or random");
            checkPruning(search.pruning(), training);
        }
    }

    private void checkTpe(TpeSpec t) {
        v.require(
                t.startupTrials() == null || t.startupTrials() >= 1, "search.tpe.startup_trials", "must be at least 1");
        v.require(t.batch() == null || t.batch() >= 1, "search.tpe.batch", "must be at least 1");
        v.require(t.candidates() == null || t.candidates() >= 1, "search.tpe.candidates", "must be at least 1");
        v.require(
                t.candidates() == null || t.candidates() <= 100_000, "search.tpe.candidates", "must be at most 100000");
        v.require(
                t.gamma() == null || (t.gamma() > 0 && t.gamma() < 1),
                "search.tpe.gamma",
                "must be between 0 and 1, exclusive (got " + t.gamma() + ")");
    }

    private void checkPruning(PruningSpec p, TrainingSpec training) {
        v.require(p.method() != null, "search.pruning.method", "is required (halving)");
        v.require(p.minEpochs() == null || p.minEpochs() >= 1, "search.pruning.min_epochs", "must be at least 1");
        v.require(
                p.reductionFactor() == null || p.reductionFactor() >= 2,
                "search.pruning.reduction_factor",
                "must be at least 2");
        v.require(
                training.epochs().reference().isEmpty(),
                "training.epochs",
                "must be a number with search.pruning (rungs are epochs of every trial)");
        int epochs = training.epochs().resolveInt(java.util.Map.of());
        v.require(
                p.minEpochsOrDefault() < epochs,
                "search.pruning.min_epochs",
                "must be below training.epochs (" + epochs + "): the first rung is after min_epochs epochs");
        v.require(
                training.earlyStopping() == null,
                "training.early_stopping",
                "cannot be combined with search.pruning: halving stops trials at its rungs");
    }
}
