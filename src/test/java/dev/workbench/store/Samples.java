package dev.workbench.store;

import dev.workbench.metrics.EpochMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Factories for test stores and rows. */
final class Samples {

    static final String HASH = "ab".repeat(32);

    private Samples() {
    }

    /** A fresh, empty in-memory store that no other test sees. */
    static Store memoryStore() {
        return Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    static NewExperiment experiment(String name, String goal) {
        return new NewExperiment(name, HASH, "{\"name\":\"" + name + "\"}", "name: " + name + "\n", 42L,
                "grid", "val_accuracy", goal);
    }

    /** Parameters in deliberately non-alphabetical order. */
    static Map<String, Double> params(double learningRate, double hidden) {
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("learning_rate", learningRate);
        params.put("hidden", hidden);
        params.put("dropout", 0.1);
        return params;
    }

    static EpochMetrics epoch(int epoch) {
        return new EpochMetrics(epoch, 1.0 / epoch, 0.5 + epoch / 100.0, 1.1 / epoch, 0.4 + epoch / 100.0, 1e-3, 0.25);
    }
}
