package dev.workbench.app;

import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.ScoreSummary;
import dev.workbench.store.Claim;
import dev.workbench.store.NewExperiment;
import dev.workbench.store.NewTrial;
import dev.workbench.store.NewUnit;
import dev.workbench.store.Store;
import dev.workbench.store.Submission;
import dev.workbench.store.TrialScorer;
import dev.workbench.store.WorkerIdentity;
import dev.workbench.train.TrainRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Measures the work queue itself on a database: {@code claimers} threads claim and finish no-op units as
 * fast as they can (claims per second, claim latency), then claim units and write {@code epochs} fenced
 * epoch rows each (epoch writes per second). The bench experiments are deleted afterwards.
 */
public final class QueueBenchmark {

    /**
     * @param claimsPerSecond     claim + finish cycles of no-op units per second, all claimers together
     * @param claimP50Millis      median latency of one claim
     * @param claimP99Millis      99th percentile latency of one claim
     * @param epochWritesPerSecond fenced epoch-row inserts per second, all claimers together
     * @param workersPerDatabase  one-minute units (each a claim, {@code epochs} epoch rows, four heartbeats and a
     *                            finish) the database could serve at once from these rates
     */
    public record Result(
            int claimers,
            int units,
            double claimsPerSecond,
            double claimP50Millis,
            double claimP99Millis,
            double epochWritesPerSecond,
            int epochsPerUnit,
            long workersPerDatabase) {}

    private static final TrialScorer NO_SCORE = (t, f) -> new TrialScorer.Score(ScoreSummary.of(List.of(0.5)), null);
    private final Store store;

    public QueueBenchmark(Store store) {
        this.store = store;
    }

    public Result run(int claimers, int units, int epochs) {
        long noOp = submit("bench-queue-claims", units);
        List<Long> latencies = new ArrayList<>();
        double claims = units / drain(claimers, noOp, 0, latencies);
        long withEpochs = submit("bench-queue-epochs", Math.max(claimers, units / 10));
        double epochSeconds = drain(claimers, withEpochs, epochs, new ArrayList<>());
        double writes = Math.max(claimers, units / 10) * (double) epochs / epochSeconds;
        store.experiments().delete(noOp);
        store.experiments().delete(withEpochs);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double perUnitSeconds = 1 / claims + (epochs + 4) / writes;
        return new Result(
                claimers, units, claims, percentile(sorted, 0.5), percentile(sorted, 0.99), writes, epochs, (long)
                        Math.floor(60 / perUnitSeconds));
    }

    private long submit(String name, int units) {
        List<NewTrial> trials = new ArrayList<>();
        List<NewUnit> all = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            trials.add(new NewTrial(i, Map.of("x", (double) i), i));
            all.add(new NewUnit(i, 0, i));
        }
        NewExperiment e = new NewExperiment(
                name,
                "0".repeat(64),
                "{}",
                "",
                0,
                "grid",
                "val_accuracy",
                "maximize",
                TrainRequest.INFERENCE_BATCH,
                TrainRequest.KERNELS);
        return store.queue().submit(new Submission(e, null, trials, all, false, 3));
    }

    /** Claims every unit of the experiment on {@code claimers} threads; returns the wall seconds. */
    private double drain(int claimers, long experimentId, int epochs, List<Long> latencies) {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        Thread[] threads = new Thread[claimers];
        long start = System.nanoTime();
        for (int i = 0; i < claimers; i++) {
            WorkerIdentity who = new WorkerIdentity(WorkerProcess.name(), "bench-" + i, "none", "none");
            threads[i] = new Thread(() -> claimUntilEmpty(experimentId, who, epochs, nanos));
            threads[i].start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        latencies.addAll(nanos);
        return (System.nanoTime() - start) / 1e9;
    }

    private void claimUntilEmpty(long experimentId, WorkerIdentity who, int epochs, ConcurrentLinkedQueue<Long> nanos) {
        while (true) {
            long t0 = System.nanoTime();
            Optional<Claim> claim = store.queue().claim(List.of(experimentId), who, 60);
            nanos.add(System.nanoTime() - t0);
            if (claim.isEmpty()) {
                return;
            }
            for (int e = 1; e <= epochs; e++) {
                store.queue().addEpoch(claim.get(), new EpochMetrics(e, 0.5, 0.5, 0.5, 0.5, 0.01, 0.1));
            }
            store.queue().finishFold(claim.get(), NO_SCORE);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
