package dev.workbench.app;

import dev.workbench.metrics.Diagnosis;
import dev.workbench.store.Store;

/** Stores a model's test-set diagnosis with the raw pixels of each kept mistake, for the pages to show. */
final class TestGallery {

    private final Store store;
    private final PreparedData data;

    TestGallery(Store store, PreparedData data) {
        this.store = store;
        this.data = data;
    }

    /** {@code exportId} null: the experiment's refit (replacing its earlier diagnosis); {@code fold} null: a refit model. */
    void save(long experimentId, Long exportId, int trialIndex, Integer fold, Diagnosis test) {
        store.diagnoses().save(experimentId, exportId, trialIndex, fold, test, data.testShape(), data::testPixels);
    }
}
