package dev.workbench.store;

import java.util.List;
import java.util.Objects;

/** A trial with its fold runs (each with its epochs), ordered by fold. */
public record TrialDetail(TrialRow trial, List<FoldRunRow> folds) {

    public TrialDetail {
        Objects.requireNonNull(trial, "trial");
        folds = List.copyOf(folds);
    }
}
