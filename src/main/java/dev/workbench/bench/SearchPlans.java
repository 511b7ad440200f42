package dev.workbench.bench;

import dev.workbench.UserInputException;
import dev.workbench.data.FoldAssignment;
import dev.workbench.data.IdxDataset;
import dev.workbench.data.IdxFiles;
import dev.workbench.data.ImageSet;
import dev.workbench.data.Subset;
import dev.workbench.provenance.Seeds;
import dev.workbench.search.CandidateGenerator;
import dev.workbench.spec.DataSpec;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.SearchSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The plan {@code optuna_search.py} reads: the workbench's own subset rows and fold of each row for the
 * experiment seed (so both sides train and validate on the same images), the discrete space, and every
 * configuration of it resolved from the spec.
 */
final class SearchPlans {

    private SearchPlans() {}

    /** The space as {@code [{name, values}]}; a user error naming a parameter that is not a values list. */
    static List<Map<String, Object>> space(ExperimentSpec spec) {
        if (spec.data().normalize() != DataSpec.Normalize.SCALE) {
            throw new UserInputException(
                    "data.normalize: bench search needs 'scale' (the Optuna side scales pixels" + " to [0, 1])");
        }
        List<Map<String, Object>> space = new ArrayList<>();
        spec.search().parameters().forEach((name, p) -> {
            if (!p.isList()) {
                throw new UserInputException("search.parameters." + name + ": bench search needs a values list"
                        + " (the same discrete space for every strategy and for Optuna)");
            }
            space.add(Map.of("name", name, "values", p.values()));
        });
        return space;
    }

    /** The plan for one Optuna study: {@code mode} is one of {@link SearchBenchOptions#MODES}. */
    static Map<String, Object> plan(
            IdxFiles files, ExperimentSpec spec, String mode, int trials, SearchBenchOptions options) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("study", spec.name() + "-" + mode + "-" + spec.seed());
        plan.put("train_images", files.trainImages().toAbsolutePath().toString());
        plan.put("train_labels", files.trainLabels().toAbsolutePath().toString());
        rowsAndFolds(files, spec, plan);
        plan.put("folds", spec.cv().folds());
        plan.put("seed", spec.seed());
        plan.put("space", space(spec));
        SearchSpec grid =
                new SearchSpec(SearchSpec.Strategy.GRID, null, spec.search().parameters());
        plan.put(
                "configs",
                CandidateGenerator.generate(grid, spec.seed()).stream()
                        .map(c -> Map.of(
                                "params",
                                c.params(),
                                "trial",
                                TorchPlans.trial(spec.model(), spec.training(), c.params())))
                        .toList());
        plan.put("sampler", mode.replace("-halving", ""));
        plan.put("pruner", mode.endsWith("-halving") ? "halving" : "none");
        plan.put("min_resource", options.minEpochs());
        plan.put("reduction_factor", options.reductionFactor());
        plan.put("n_trials", trials);
        return plan;
    }

    /** The subset's rows of the training file and each row's fold, as {@code workbench run} makes them. */
    private static void rowsAndFolds(IdxFiles files, ExperimentSpec spec, Map<String, Object> plan) {
        ImageSet train = IdxDataset.load(files).train();
        long dataSeed = Seeds.data(spec.seed());
        Integer subset = spec.data().trainSubset();
        int[] rows = subset == null
                ? IntStream.range(0, train.count()).toArray()
                : Subset.stratified(train.labels(), subset, dataSeed);
        ImageSet used = train.select(rows);
        FoldAssignment folds = spec.cv().stratified()
                ? FoldAssignment.stratified(used.labels(), spec.cv().folds(), dataSeed)
                : FoldAssignment.random(used.count(), spec.cv().folds(), dataSeed);
        plan.put("rows", IntStream.of(rows).boxed().toList());
        plan.put(
                "fold_of",
                IntStream.range(0, rows.length).map(folds::foldOf).boxed().toList());
    }

    /** How many configurations the grid has. */
    static int gridSize(ExperimentSpec spec) {
        return spec.search().parameters().values().stream()
                .mapToInt(p -> p.values().size())
                .reduce(1, (a, b) -> a * b);
    }
}
