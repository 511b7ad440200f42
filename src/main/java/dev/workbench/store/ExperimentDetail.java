package dev.workbench.store;

import java.util.List;
import java.util.Objects;

/**
 * Everything stored about one experiment, for {@code show --json} and the dashboard.
 *
 * @param trials ordered by trial index
 * @param refit  null when no refit was started
 */
public record ExperimentDetail(ExperimentRow experiment, List<TrialDetail> trials, RefitRow refit) {

    public ExperimentDetail {
        Objects.requireNonNull(experiment, "experiment");
        trials = List.copyOf(trials);
    }
}
