package dev.workbench.spec;

/**
 * A whole experiment as declared in YAML: what data, how to split it, which candidates to try, the
 * model template, how to train, what to optimise, and whether to refit the winner.
 */
public record ExperimentSpec(
        String name,
        Long seed,
        DataSpec data,
        CvSpec cv,
        SearchSpec search,
        ModelSpec model,
        TrainingSpec training,
        ObjectiveSpec objective,
        Boolean refit) {

    public ExperimentSpec {
        search = search == null ? SearchSpec.single() : search;
        objective = objective == null ? new ObjectiveSpec(null, null) : objective;
        refit = refit != null && refit;
    }
}
