package dev.workbench.store;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.ScoreSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Factories for test stores and rows; rows are written through the work queue, as workers write them. */
public final class Samples {

    public static final String HASH = "ab".repeat(32);
    public static final WorkerIdentity WORKER = new WorkerIdentity("hostA:1", "t1", "CPU", "avx2");

    private Samples() {}

    /** A fresh, empty in-memory store that no other test sees. */
    public static Store memoryStore() {
        return Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    public static NewExperiment experiment(String name, String goal) {
        return new NewExperiment(
                name,
                HASH,
                "{\"name\":\"" + name + "\"}",
                "name: " + name + "\n",
                42L,
                "grid",
                "val_accuracy",
                goal,
                256,
                2);
    }

    /** Parameters in deliberately non-alphabetical order. */
    public static Map<String, Double> params(double learningRate, double hidden) {
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("learning_rate", learningRate);
        params.put("hidden", hidden);
        params.put("dropout", 0.1);
        return params;
    }

    public static EpochMetrics epoch(int epoch) {
        return new EpochMetrics(epoch, 1.0 / epoch, 0.5 + epoch / 100.0, 1.1 / epoch, 0.4 + epoch / 100.0, 1e-3, 0.25);
    }

    /** Trials 0 to {@code count - 1}; trial i has seed i + 1. */
    public static List<NewTrial> trials(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new NewTrial(i, params(0.1 * (i + 1), i + 1), i + 1))
                .toList();
    }

    /**
     * Stores the experiment with these trials through the work queue, each trial with {@code folds} queued
     * fold units (fold f of a trial with seed s has seed 10 s + f), without a refit; returns its id.
     */
    public static long submit(Store store, NewExperiment experiment, List<NewTrial> trials, int folds) {
        List<NewUnit> units = new ArrayList<>();
        for (NewTrial t : trials) {
            for (int f = 0; f < folds; f++) {
                units.add(new NewUnit(t.index(), f, 10 * t.seed() + f));
            }
        }
        return store.queue().submit(new Submission(experiment, null, trials, units, false, 3));
    }

    /** Claims the experiment's oldest queued unit (units are queued by trial, then fold) as {@link #WORKER}. */
    public static Claim claim(Store store, long experimentId) {
        return store.queue().claim(List.of(experimentId), WORKER, 600).orElseThrow();
    }

    /** A scorer that gives the trial {@code score} whatever its folds. */
    public static TrialScorer scoring(ScoreSummary score) {
        return (trial, folds) -> new TrialScorer.Score(score, null);
    }

    /** Claims the next unit and finishes it after one epoch; when it is its trial's last, the trial scores {@code score}. */
    public static Claim finishNext(Store store, long experimentId, ScoreSummary score) {
        Claim c = claim(store, experimentId);
        store.queue().addEpoch(c, epoch(1));
        store.queue().finishFold(c, scoring(score));
        return c;
    }

    /** Claims the next unit and fails it for good, and with it its trial. */
    public static Claim failNext(Store store, long experimentId, String error) {
        Claim c = claim(store, experimentId);
        store.queue().fail(c, error, false);
        return c;
    }
}
