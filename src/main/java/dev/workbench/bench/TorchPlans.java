package dev.workbench.bench;

import dev.workbench.data.IdxFiles;
import dev.workbench.search.Candidate;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.spec.ModelSpec;
import dev.workbench.spec.TrainingSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON plans {@code torch_bench.py} reads: data files, sizes and each trial resolved from the spec
 * ({@link PyTorch#run} adds the process and thread counts).
 */
final class TorchPlans {

    private TorchPlans() {}

    /** Throughput of one model on the first {@code images} training images, {@code epochs} timed epochs. */
    static Map<String, Object> throughput(IdxFiles files, int images, int epochs, long seed, BenchModel model) {
        Map<String, Object> plan = data(files, images, seed);
        plan.put("epochs", epochs);
        plan.put("trials", List.of(trial(model.model(), model.training(), model.params())));
        return plan;
    }

    /** Every candidate on every fold of the spec, on as many images as its training subset. */
    static Map<String, Object> experiment(IdxFiles files, int images, ExperimentSpec spec, List<Candidate> candidates) {
        Map<String, Object> plan = data(files, images, spec.seed());
        plan.put("folds", spec.cv().folds());
        plan.put("refit", spec.refit());
        plan.put(
                "trials",
                candidates.stream()
                        .map(c -> trial(spec.model(), spec.training(), c.params()))
                        .toList());
        return plan;
    }

    private static Map<String, Object> data(IdxFiles files, int images, long seed) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("train_images", files.trainImages().toAbsolutePath().toString());
        plan.put("train_labels", files.trainLabels().toAbsolutePath().toString());
        plan.put("test_images", files.testImages().toAbsolutePath().toString());
        plan.put("test_labels", files.testLabels().toAbsolutePath().toString());
        plan.put("images", images);
        plan.put("seed", seed);
        return plan;
    }

    static Map<String, Object> trial(ModelSpec model, TrainingSpec training, Map<String, Double> params) {
        Map<String, Object> trial = new LinkedHashMap<>();
        trial.put("layers", ModelPlan.of(model, params).layers());
        trial.put("optimizer", training.optimizer().name().toLowerCase());
        trial.put("learning_rate", training.learningRate().resolve(params));
        trial.put("momentum", training.momentum().resolve(params));
        trial.put("batch_size", training.batchSize().resolveInt(params));
        trial.put("epochs", training.epochs().resolveInt(params));
        return trial;
    }
}
