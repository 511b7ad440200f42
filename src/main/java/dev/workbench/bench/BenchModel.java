package dev.workbench.bench;

import dev.workbench.search.Candidate;
import dev.workbench.search.CandidateGenerator;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.LayerSpec;
import dev.workbench.spec.ModelSpec;
import dev.workbench.spec.TrainingSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A model whose throughput the benchmark measures: a template, training settings and the candidate values
 * that resolve them.
 *
 * @param name     what the report calls it
 * @param model    the layer template
 * @param training optimizer, learning rate and batch size (its epochs are ignored)
 * @param params   values for the template's {@code ${name}} references
 */
record BenchModel(String name, ModelSpec model, TrainingSpec training, Map<String, Double> params) {

    BenchModel {
        params = Map.copyOf(params);
    }

    /** The reference CNN, then the spec's smallest and largest candidate by forward FLOPs (first of equals). */
    static List<BenchModel> of(ExperimentSpec spec) {
        List<Candidate> candidates = CandidateGenerator.generate(spec.search(), spec.seed());
        Comparator<Candidate> byFlops = Comparator.comparingLong(
                c -> ModelPlan.of(spec.model(), c.params()).forwardFlops());
        Candidate smallest = candidates.stream().min(byFlops).orElseThrow();
        Candidate largest = candidates.stream().max(byFlops).orElseThrow();
        BenchModel reference =
                new BenchModel("the reference CNN", ReferenceCnn.model(), ReferenceCnn.training(), Map.of());
        return List.of(reference, fromSpec("smallest", spec, smallest), fromSpec("largest", spec, largest));
    }

    private static BenchModel fromSpec(String which, ExperimentSpec spec, Candidate candidate) {
        return new BenchModel(
                which + " model of " + spec.name() + " (trial " + candidate.index() + ")",
                spec.model(),
                spec.training(),
                candidate.params());
    }

    int batch() {
        return training.batchSize().resolveInt(params);
    }

    int classes() {
        List<LayerSpec> layers = model.layers();
        return ((LayerSpec.Output) layers.get(layers.size() - 1)).classes().resolveInt(params);
    }

    /** The resolved layers in one line, e.g. {@code conv 8 k3, maxpool 2, conv 16 k3, ...}, and its MFLOP. */
    String describe() {
        ModelPlan plan = ModelPlan.of(model, params);
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> layer : plan.layers()) {
            text.append(text.length() == 0 ? "" : ", ")
                    .append(layer.get("type"))
                    .append(settings(layer));
        }
        return String.format("%s; %.2f MFLOP/image forward, batch %d", text, plan.forwardFlops() / 1e6, batch());
    }

    private static String settings(Map<String, Object> layer) {
        return switch ((String) layer.get("type")) {
            case "conv" -> " " + layer.get("filters") + " k" + layer.get("kernel");
            case "maxpool" -> " " + layer.get("size");
            case "dense" -> " " + layer.get("units");
            case "dropout" -> " " + layer.get("rate");
            default -> " " + layer.get("classes");
        };
    }
}
