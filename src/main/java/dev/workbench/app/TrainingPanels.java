package dev.workbench.app;

import dev.workbench.metrics.ConfusionMatrix;
import dev.workbench.metrics.ConfusionSummary;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.Mistake;
import dev.workbench.metrics.StepMetrics;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.Store;
import dev.workbench.store.TestDiagnosisRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The trial page's training views: curves within epochs, the weight spread of each fold, the out-of-fold
 * confusion matrix, and the test diagnoses of the trial's refit and exports.
 */
public final class TrainingPanels {

    /** Everything the panels draw. */
    public record Panels(
            StepView.Steps steps,
            List<FoldWeights> weights,
            double warnMagnitude,
            boolean weightsWarning,
            ConfusionSummary outOfFold,
            List<TestView> tests) {}

    /** One fold's weight spreads, one series per layer and parameter kind. */
    public record FoldWeights(int fold, List<ParamSeries> layers) {}

    /**
     * One layer's weights or biases over training.
     *
     * @param points {@code [epoch, min, q1 … q6, max, non_finite, update_norm]} per reading
     */
    public record ParamSeries(int layer, String layerType, String param, long count, List<List<Double>> points) {}

    /** A test-set diagnosis: the refit's ({@code exportId} null) or an export's. */
    public record TestView(
            long id, String source, Long exportId, Integer fold, ConfusionSummary confusion, List<Gallery> mistakes) {}

    /** One mistake of a gallery with the address of its image. */
    public record Gallery(int position, int row, int label, int predicted, double probability, String imageUrl) {}

    private TrainingPanels() {}

    static Panels of(
            Store store, long experimentId, int trialIndex, List<FoldRunRow> folds, boolean warning, int points) {
        List<Long> ids = folds.stream().map(FoldRunRow::id).toList();
        Map<Long, List<StepMetrics>> steps = store.traces().steps(ids);
        Map<Integer, List<StepMetrics>> byFold = new LinkedHashMap<>();
        folds.forEach(f -> byFold.put(f.fold(), steps.getOrDefault(f.id(), List.of())));
        Map<Long, List<LayerSpread>> spreads = store.traces().spreads(ids);
        List<FoldWeights> weights = folds.stream()
                .map(f -> new FoldWeights(f.fold(), series(spreads.getOrDefault(f.id(), List.of()))))
                .toList();
        Map<Long, ConfusionMatrix> confusions = store.traces().confusions(ids);
        return new Panels(
                StepView.of(byFold, points),
                weights,
                LayerSpread.WARN_MAGNITUDE,
                warning,
                Traces.outOfFold(folds, confusions),
                tests(store, experimentId, trialIndex));
    }

    private static List<ParamSeries> series(List<LayerSpread> spread) {
        Map<String, List<LayerSpread>> byParam = spread.stream()
                .collect(Collectors.groupingBy(s -> s.layer() + s.param(), LinkedHashMap::new, Collectors.toList()));
        return byParam.values().stream()
                .map(list -> {
                    LayerSpread first = list.get(0);
                    List<List<Double>> points = list.stream()
                            .map(s -> {
                                List<Double> p = new ArrayList<>();
                                p.add((double) s.epoch());
                                p.addAll(s.bands().bounds());
                                p.add((double) s.bands().nonFinite());
                                p.add(s.updateNorm());
                                return p;
                            })
                            .toList();
                    return new ParamSeries(first.layer(), first.layerType(), first.param(), first.count(), points);
                })
                .sorted(java.util.Comparator.comparingInt(ParamSeries::layer).thenComparing(ParamSeries::param))
                .toList();
    }

    private static List<TestView> tests(Store store, long experimentId, int trialIndex) {
        List<TestView> tests = new ArrayList<>();
        store.diagnoses()
                .ofRefit(experimentId)
                .filter(d -> d.trialIndex() == trialIndex)
                .ifPresent(d -> tests.add(test(d)));
        store.exports().byExperiment(experimentId).stream()
                .filter(x -> x.trialIndex() == trialIndex)
                .forEach(x -> store.diagnoses().ofExport(x.id()).ifPresent(d -> tests.add(test(d))));
        return tests;
    }

    private static TestView test(TestDiagnosisRow d) {
        List<Gallery> gallery = new ArrayList<>();
        for (int i = 0; i < d.mistakes().size(); i++) {
            Mistake m = d.mistakes().get(i);
            gallery.add(new Gallery(
                    i,
                    m.row(),
                    m.label(),
                    m.predicted(),
                    m.probability(),
                    "/api/diagnoses/" + d.id() + "/mistakes/" + i + ".png"));
        }
        return new TestView(
                d.id(),
                d.exportId() == null ? "refit" : "export",
                d.exportId(),
                d.fold(),
                ConfusionSummary.of(d.confusion(), 1),
                gallery);
    }
}
