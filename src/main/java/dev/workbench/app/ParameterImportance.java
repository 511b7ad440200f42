package dev.workbench.app;

import dev.workbench.metrics.ImpurityImportance;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.RunStatus;
import dev.workbench.store.Store;
import dev.workbench.store.TrialRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How much each search parameter drives the objective, from the done trials with a finite score: the
 * mean decrease in impurity of a seeded random forest ({@link ImpurityImportance}) fitted to the scores.
 * Parameters every trial took the same value of are excluded. With fewer than {@value #MIN_TRIALS} trials
 * there are no importances, only a note; with fewer than twice as many trials as parameters they come
 * with a warning.
 */
public final class ParameterImportance {

    /** Fewest done trials for which importances are computed at all. */
    public static final int MIN_TRIALS = 3;
    /** The forest's seed: fixed, so the same results always give the same importances. */
    public static final long SEED = 0;
    /** The method in words, as the API and the page say it. */
    public static final String METHOD = "mean decrease in impurity of a random forest (" + ImpurityImportance.TREES
            + " regression trees on bootstrap samples, seed " + SEED + ") fitted to the done trials' scores";

    /**
     * The importances of one experiment.
     *
     * @param parameters most important first (ties by name); empty when {@code note} says why
     * @param excluded   parameters with one value across the trials
     * @param warning    set when the importances rest on few trials; null otherwise
     * @param note       why there are no importances; null when there are
     */
    public record Importances(
            long experimentId,
            String metric,
            String method,
            int trials,
            List<Importance> parameters,
            List<String> excluded,
            String warning,
            String note) {
        public Importances {
            parameters = List.copyOf(parameters);
            excluded = List.copyOf(excluded);
        }
    }

    /** One parameter's share of the impurity decrease, 0 to 1. */
    public record Importance(String name, double importance, int distinctValues) {}

    private final Store store;

    public ParameterImportance(Store store) {
        this.store = store;
    }

    /** The importances of experiment {@code id}; empty when there is no such experiment. */
    public Optional<Importances> of(long id) {
        return store.experiments().byId(id).map(this::importances);
    }

    private Importances importances(ExperimentRow e) {
        List<TrialRow> done = store.trials().byExperiment(e.id()).stream()
                .filter(t -> t.status() == RunStatus.DONE
                        && t.score() != null
                        && Double.isFinite(t.score().mean()))
                .toList();
        Set<String> names = new LinkedHashSet<>();
        done.forEach(t -> names.addAll(t.params().keySet()));
        List<String> varying = names.stream().filter(n -> distinct(done, n) > 1).toList();
        List<String> excluded = names.stream().filter(n -> !varying.contains(n)).toList();
        String note = varying.isEmpty()
                ? "no parameter took more than one value among the done trials"
                : done.size() < MIN_TRIALS
                        ? done.size() + " done trials: importances need at least " + MIN_TRIALS
                        : null;
        List<Importance> ranked = note == null ? ranked(done, varying) : List.of();
        if (note == null && ranked.stream().allMatch(i -> i.importance() == 0.0)) {
            note = "every done trial has the same score: no parameter explains a difference";
            ranked = List.of();
        }
        String warning = !ranked.isEmpty() && done.size() < 2 * varying.size()
                ? "only " + done.size()
                        + " done trials for " + varying.size()
                        + " parameters (fewer than twice as many): the ranking is"
                        + " unreliable"
                : null;
        return new Importances(e.id(), e.metric(), METHOD, done.size(), ranked, excluded, warning, note);
    }

    /** The varying parameters' importances, most important first (ties by name). */
    private static List<Importance> ranked(List<TrialRow> done, List<String> varying) {
        List<List<Double>> rows = done.stream()
                .map(t -> varying.stream()
                        .map(n -> t.params().getOrDefault(n, Double.NaN))
                        .toList())
                .toList();
        List<Double> shares = ImpurityImportance.of(
                rows, done.stream().map(t -> t.score().mean()).toList(), SEED);
        List<Importance> out = new ArrayList<>();
        for (int i = 0; i < varying.size(); i++) {
            out.add(new Importance(varying.get(i), shares.get(i), distinct(done, varying.get(i))));
        }
        out.sort(Comparator.comparingDouble(Importance::importance).reversed().thenComparing(Importance::name));
        return out;
    }

    private static int distinct(List<TrialRow> trials, String name) {
        return (int) trials.stream()
                .map(t -> t.params().get(name))
                .filter(v -> v != null)
                .distinct()
                .count();
    }
}
