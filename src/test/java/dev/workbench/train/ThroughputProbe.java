package dev.workbench.train;

import dev.workbench.metrics.EpochMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Benchmark, not a test: training and inference throughput of the reference CNN (28×28, Adam 1e-3,
 * batch 128) through the FoldTrainer code path, after one warm-up epoch.
 *
 * <p>Usage: {@code ThroughputProbe UNITS DATA [IMAGES] [EPOCHS]} where DATA is {@code random} (uniform
 * pixels, random labels), {@code bars} (trivially separable; saturates, so unrepresentatively fast) or
 * a directory holding MNIST's {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}
 * (first IMAGES images, scaled to [0, 1]). Set {@code OMP_NUM_THREADS} in the
 * environment and {@code -Dorg.eclipse.deeplearning4j.helpers.disable=true} to compare without the
 * oneDNN layer helpers. With several units they run concurrently, one per thread.
 */
public final class ThroughputProbe {

    private static final int BATCH = 128;

    private ThroughputProbe() {
    }

    /** Measured rates of one unit, in images per second. */
    record Rates(double train, double infer) {}

    public static void main(String[] args) throws Exception {
        CpuBackend backend = new CpuBackend();
        backend.prepare();
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        String source = args.length > 1 ? args[1] : "random";
        int images = args.length > 2 ? Integer.parseInt(args[2]) : 4000;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        System.out.println("backend: " + backend.describe() + ", OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS")
                + ", helpers.disable=" + System.getProperty(CpuBackend.HELPERS_DISABLE));
        ArrayData data = data(source, images);
        List<Rates> rates = concurrently(units, unit -> measure(data, 100L + unit, epochs));
        double train = rates.stream().mapToDouble(Rates::train).sum();
        double infer = rates.stream().mapToDouble(Rates::infer).sum();
        System.out.printf("RESULT units=%d data=%s images=%d per-unit=%s aggregate train=%.0f img/s infer=%.0f img/s%n",
                units, source, images, rates, train, infer);
        if (units == 1) {
            endToEnd(data);
        }
    }

    /** Warm-up epoch, then {@code epochs} timed fit passes and inference passes over the same rows. */
    private static Rates measure(ArrayData data, long seed, int epochs) {
        MultiLayerNetwork net = new NetworkFactory().network(
                TrainFixtures.referenceCnn(), TrainFixtures.adam(1e-3, BATCH, epochs + 1), Map.of(), seed);
        try (LabelledArrays train = LabelledArrays.of(data); LabelledArrays shuffled = train.emptyLike()) {
            FoldTrainer.fitEpoch(net, train, shuffled, BATCH, seed, 0);
            InferenceEvaluator.evaluate(net, train);
            long fitNanos = 0;
            long inferNanos = 0;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long start = System.nanoTime();
                FoldTrainer.fitEpoch(net, train, shuffled, BATCH, seed, epoch);
                long middle = System.nanoTime();
                InferenceEvaluator.evaluate(net, train);
                long end = System.nanoTime();
                fitNanos += middle - start;
                inferNanos += end - middle;
                System.out.printf("  unit %d epoch %d: fit %.2f s, inference %.2f s%n",
                        seed, epoch, (middle - start) / 1e9, (end - middle) / 1e9);
            }
            double n = (double) data.count() * epochs;
            return new Rates(Math.round(n / (fitNanos / 1e9)), Math.round(n / (inferNanos / 1e9)));
        } finally {
            net.close();
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
    }

    /** Rows {@code [from, to)} of {@code data}. */
    private static ArrayData rows(ArrayData data, int from, int to) {
        int size = data.rowSize();
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
            labels[i - from] = data.label(i);
        }
        return ArrayData.of(data.height(), data.width(), data.channels(), data.numClasses(),
                java.util.Arrays.copyOfRange(data.featuresView(), from * size, to * size), labels);
    }

    /** The public path: 3 epochs on 3/4 of the rows, validating on the rest; prints each epoch's seconds. */
    private static void endToEnd(ArrayData data) {
        int split = data.count() * 3 / 4;
        ArrayData train = rows(data, 0, split);
        ArrayData validation = rows(data, split, data.count());
        TrainRequest request = new TrainRequest(TrainFixtures.referenceCnn(), TrainFixtures.adam(1e-3, BATCH, 3),
                Map.of(), 7L, train, validation);
        FoldResult result = new FoldTrainer().train(request, m -> System.out.printf(
                "END-TO-END epoch %d: %.2f s (train %d + validation %d rows), train acc %.3f, val acc %.3f%n",
                m.epoch(), m.seconds(), train.count(), validation.count(), m.trainAccuracy(), m.valAccuracy()));
        EpochMetrics last = result.last();
        System.out.printf("END-TO-END last epoch: %.0f img/s of training rows incl. evaluation%n",
                train.count() / last.seconds());
    }

    private static ArrayData data(String source, int images) throws IOException {
        if (source.equals("bars")) {
            return TrainFixtures.bars(images, 28, 5L);
        }
        float[] pixels = new float[images * 784];
        int[] labels = new int[images];
        if (source.equals("random")) {
            SplittableRandom random = new SplittableRandom(5L);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextDouble();
            }
            for (int i = 0; i < images; i++) {
                labels[i] = random.nextInt(TrainFixtures.CLASSES);
            }
        } else {
            byte[] raw = Files.readAllBytes(Path.of(source, "train-images-idx3-ubyte"));
            byte[] rawLabels = Files.readAllBytes(Path.of(source, "train-labels-idx1-ubyte"));
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (raw[16 + i] & 0xFF) / 255f;
            }
            for (int i = 0; i < images; i++) {
                labels[i] = rawLabels[8 + i];
            }
        }
        return ArrayData.of(28, 28, 1, TrainFixtures.CLASSES, pixels, labels);
    }

    private interface UnitTask {
        Rates run(int unit) throws Exception;
    }

    private static List<Rates> concurrently(int units, UnitTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(units);
        CyclicBarrier start = new CyclicBarrier(units);
        try {
            List<Future<Rates>> futures = new ArrayList<>();
            for (int unit = 0; unit < units; unit++) {
                int id = unit;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(id);
                }));
            }
            List<Rates> rates = new ArrayList<>();
            for (Future<Rates> future : futures) {
                rates.add(future.get());
            }
            return rates;
        } finally {
            pool.shutdown();
        }
    }
}
