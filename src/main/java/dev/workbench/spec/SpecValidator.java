package dev.workbench.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Semantic checks on a bound spec, run before anything is written anywhere. */
final class SpecValidator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Set<String> OBJECTIVES = Set.of("val_accuracy", "val_loss");

    private final String source;
    private final YamlLocations locations;

    SpecValidator(String source, YamlLocations locations) {
        this.source = source;
        this.locations = locations;
    }

    SpecException error(String path, String problem) {
        return new SpecException(source, path, locations.lineOf(path), problem);
    }

    void require(boolean ok, String path, String problem) {
        if (!ok) {
            throw error(path, problem);
        }
    }

    void validate(ExperimentSpec spec) {
        require(spec.name() != null, "name", "is required");
        require(
                NAME.matcher(spec.name()).matches(),
                "name",
                "use letters, digits, '.', '_' or '-' (got '" + spec.name() + "')");
        require(spec.seed() != null, "seed", "is required (an integer; it fixes folds, candidates and weights)");
        checkData(spec.data());
        checkCv(spec.cv());
        new SearchChecks(this).check(spec.search());
        require(spec.model() != null, "model", "is required");
        require(spec.training() != null, "training", "is required");
        Set<String> used = new HashSet<>();
        new ModelChecks(this, spec.search(), used).check(spec.model());
        new TrainingChecks(this, spec.search(), used).check(spec.training());
        new AdaptiveChecks(this).check(spec.search(), spec.training());
        checkObjective(spec.objective());
        for (String name : spec.search().parameters().keySet()) {
            require(
                    used.contains(name),
                    "search.parameters." + name,
                    "is not used: no field refers to ${" + name + "}");
        }
    }

    private void checkData(DataSpec data) {
        require(data != null, "data", "is required");
        boolean idx = "idx".equals(data.format());
        require(
                data.isMnist() != idx,
                "data",
                "give either 'dataset: mnist' or 'format: idx' with train_images, train_labels, test_images, test_labels");
        require(
                data.dataset() == null || data.isMnist(),
                "data.dataset",
                "unknown dataset '" + data.dataset() + "' (known: mnist)");
        if (idx) {
            Map<String, String> files = new java.util.LinkedHashMap<>();
            files.put("train_images", data.trainImages());
            files.put("train_labels", data.trainLabels());
            files.put("test_images", data.testImages());
            files.put("test_labels", data.testLabels());
            files.forEach((key, file) -> {
                require(file != null, "data." + key, "is required with format: idx");
                require(Files.isRegularFile(Path.of(file)), "data." + key, "no such file: " + file);
            });
        }
        require(data.trainSubset() == null || data.trainSubset() > 0, "data.train_subset", "must be positive");
    }

    private void checkCv(CvSpec cv) {
        require(cv != null && cv.folds() != null, "cv.folds", "is required (k-fold cross-validation, k >= 2)");
        require(cv.folds() >= 2, "cv.folds", "must be at least 2 (got " + cv.folds() + ")");
        require(cv.folds() <= 20, "cv.folds", "at most 20 folds are supported (got " + cv.folds() + ")");
    }

    private void checkObjective(ObjectiveSpec objective) {
        require(
                OBJECTIVES.contains(objective.metric()),
                "objective.metric",
                "must be val_accuracy or val_loss (got '" + objective.metric() + "')");
    }

    /** Checks a numeric field over every value it can take; records references in {@code used}. */
    ParamDomain domain(String path, Num num, SearchSpec search, Set<String> used) {
        require(num != null, path, "is required");
        num.reference().ifPresent(ref -> {
            require(
                    search.parameters().containsKey(ref),
                    path,
                    "refers to undefined parameter ${" + ref + "}"
                            + (search.parameters().isEmpty()
                                    ? " (search.parameters is empty)"
                                    : " (defined: "
                                            + String.join(
                                                    ", ", search.parameters().keySet()) + ")"));
            used.add(ref);
        });
        return ParamDomain.of(num, search);
    }

    /** A positive integer field. */
    int positiveInt(String path, Num num, SearchSpec search, Set<String> used) {
        ParamDomain d = domain(path, num, search, used);
        require(d.integral(), path, "must be an integer" + via(num));
        require(d.min() >= 1, path, "must be at least 1 (can be " + fmt(d.min()) + via(num) + ")");
        return (int) d.max();
    }

    static String via(Num num) {
        return num.ref() == null ? "" : " via ${" + num.ref() + "}";
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    static List<String> names(Class<? extends Enum<?>> type) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase())
                .toList();
    }
}
