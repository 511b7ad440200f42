package dev.workbench.spec;

import java.util.Set;

/** Checks the training section: optimizer, learning rate and its decay, batch size, epochs, early stopping. */
final class TrainingChecks {

    /** Upper bounds: far above any useful value, low enough that a typo cannot schedule years of training. */
    static final int MAX_EPOCHS = 10_000;

    static final int MAX_BATCH_SIZE = 65_536;

    private final SpecValidator v;
    private final SearchSpec search;
    private final Set<String> used;

    TrainingChecks(SpecValidator v, SearchSpec search, Set<String> used) {
        this.v = v;
        this.search = search;
        this.used = used;
    }

    void check(TrainingSpec t) {
        v.require(
                t.optimizer() != null,
                "training.optimizer",
                "is required (one of " + String.join(", ", SpecValidator.names(TrainingSpec.Optimizer.class)) + ")");
        positive("training.learning_rate", t.learningRate());
        ParamDomain momentum = v.domain("training.momentum", t.momentum(), search, used);
        v.require(momentum.min() >= 0 && momentum.max() < 1, "training.momentum", "must be in [0, 1)");
        atMost(
                "training.batch_size",
                v.positiveInt("training.batch_size", t.batchSize(), search, used),
                MAX_BATCH_SIZE);
        atMost("training.epochs", v.positiveInt("training.epochs", t.epochs(), search, used), MAX_EPOCHS);
        if (t.lrDecay() != null) {
            positive("training.lr_decay.to", t.lrDecay().to());
            atMost(
                    "training.lr_decay.over_epochs",
                    v.positiveInt("training.lr_decay.over_epochs", t.lrDecay().overEpochs(), search, used),
                    MAX_EPOCHS);
        }
        v.require(
                t.logEvery() == null || t.logEvery() >= 0,
                "training.log_every",
                "must be a whole number of batches, at least 0 (0 logs no steps)");
        v.require(
                t.validateEvery() == null || t.validateEvery() >= 0,
                "training.validate_every",
                "must be a whole number of batches, at least 0 (0: validation at epoch ends only)");
        v.require(
                t.validationSample() == null || t.validationSample() >= 1,
                "training.validation_sample",
                "must be at least 1 row");
        TrainingSpec.EarlyStopping es = t.earlyStopping();
        if (es != null) {
            v.require(
                    es.metric().equals("val_loss") || es.metric().equals("val_accuracy"),
                    "training.early_stopping.metric",
                    "must be val_loss or val_accuracy (got '" + es.metric() + "')");
            v.require(
                    es.patience() != null && es.patience() >= 1,
                    "training.early_stopping.patience",
                    "must be at least 1");
            v.require(es.minDelta() >= 0, "training.early_stopping.min_delta", "must not be negative");
        }
    }

    private void atMost(String path, int max, int limit) {
        v.require(max <= limit, path, "must be at most " + limit + " (can be " + max + ")");
    }

    private void positive(String path, Num num) {
        ParamDomain d = v.domain(path, num, search, used);
        v.require(
                d.min() > 0 && Double.isFinite(d.max()),
                path,
                "must be a positive number" + " (can be " + SpecValidator.fmt(d.min()) + SpecValidator.via(num) + ")");
    }
}
