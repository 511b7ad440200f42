package dev.workbench.train;

import dev.workbench.DataException;
import dev.workbench.metrics.Diagnosis;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained network kept for scoring or export, with the result of its training and the number of rows it
 * scores per forward pass ({@link TrainRequest#inferenceBatch()}). It holds off-heap memory: close it when
 * done. Not for concurrent use; its methods are synchronised.
 */
public final class TrainedModel implements AutoCloseable {

    private final MultiLayerNetwork network;
    private final FoldResult result;
    private final int inferenceBatch;
    private boolean closed;

    TrainedModel(MultiLayerNetwork network, FoldResult result, int inferenceBatch) {
        this.network = network;
        this.result = result;
        this.inferenceBatch = inferenceBatch;
    }

    /**
     * A model read back from a DL4J {@code ModelSerializer} zip (without its updater state), scoring
     * {@code inferenceBatch} rows per forward pass.
     *
     * @throws DataException naming the file when it is missing or not a DL4J model zip
     */
    public static TrainedModel load(Path zip, int inferenceBatch) {
        try (InputStream in = Files.newInputStream(zip)) {
            return restore(in, zip.toString(), inferenceBatch);
        } catch (IOException e) {
            throw new DataException(zip + ": cannot read model: " + e.getMessage(), e);
        }
    }

    /** As {@link #load(Path, int)} from the bytes of a model zip; {@code source} names it in errors. */
    public static TrainedModel load(byte[] zip, String source, int inferenceBatch) {
        return restore(new ByteArrayInputStream(zip), source, inferenceBatch);
    }

    private static TrainedModel restore(InputStream in, String source, int inferenceBatch) {
        try {
            return new TrainedModel(ModelZip.read(in, false), null, inferenceBatch);
        } catch (IOException | RuntimeException e) {
            throw new DataException(source + ": not a DL4J model zip (" + e.getMessage() + ")", e);
        }
    }

    /** The epochs that produced this model; null for a model loaded from a zip. */
    public FoldResult result() {
        return result;
    }

    /** Rows per forward pass when this model scores data. */
    public int inferenceBatch() {
        return inferenceBatch;
    }

    /** Number of trainable parameters. */
    public synchronized long numParams() {
        requireOpen();
        return network.numParams();
    }

    /**
     * Loss and accuracy on {@code data} in inference mode. Frees the calling thread's ND4J workspaces
     * afterwards.
     */
    public synchronized Evaluation evaluate(ArrayData data) {
        requireOpen();
        if (data.count() == 0) {
            return Evaluation.NONE;
        }
        try (LabelledArrays arrays = LabelledArrays.of(data)) {
            return InferenceEvaluator.evaluate(network, arrays, inferenceBatch);
        } finally {
            NetworkRelease.freeWorkspaces();
        }
    }

    /**
     * The confusion matrix on {@code data} in inference mode, with the most confident mistakes (as many as a
     * gallery holds); its accuracy equals {@link #evaluate}'s. Frees the calling thread's ND4J workspaces.
     */
    public synchronized Diagnosis diagnose(ArrayData data) {
        requireOpen();
        DiagnosisCollector collector = new DiagnosisCollector(data.numClasses(), DiagnosisCollector.GALLERY);
        if (data.count() > 0) {
            try (LabelledArrays arrays = LabelledArrays.of(data)) {
                InferenceEvaluator.evaluate(network, arrays, inferenceBatch, collector);
            } finally {
                NetworkRelease.freeWorkspaces();
            }
        }
        return collector.diagnosis();
    }

    /**
     * Class probabilities of {@code count} already-normalised rows of equal length laid out one after
     * another in {@code rows} (each must be as long as the network's input), in inference mode: one array
     * of class probabilities per row.
     */
    public synchronized float[][] probabilities(float[] rows, int count) {
        requireOpen();
        if (count < 1 || rows.length % count != 0) {
            throw new IllegalArgumentException(rows.length + " floats do not make " + count + " rows");
        }
        long size = rows.length / count;
        try (INDArray features = Nd4j.create(rows, new long[] {count, size}, DataType.FLOAT)) {
            return InferenceEvaluator.probabilities(network, features);
        } finally {
            NetworkRelease.freeWorkspaces();
        }
    }

    /** As {@link #probabilities(float[], int)} for the first {@code count} rows of {@code data}. */
    public float[][] probabilities(ArrayData data, int count) {
        float[] rows = Arrays.copyOf(data.featuresView(), count * data.rowSize());
        return probabilities(rows, count);
    }

    /** The network and the calling (training) thread's random state after {@code epoch} epochs. */
    synchronized Checkpoint checkpoint(int epoch) {
        requireOpen();
        return Checkpoint.capture(network, epoch);
    }

    /** The model as the bytes of a DL4J {@code ModelSerializer} zip, as {@link #save} writes it. */
    public synchronized byte[] zipBytes() {
        requireOpen();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelZip.write(network, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise model", e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the model as a DL4J {@code ModelSerializer} zip ({@code configuration.json},
     * {@code coefficients.bin}, {@code updaterState.bin}); reload it with
     * {@code ModelSerializer.restoreMultiLayerNetwork}.
     */
    public synchronized void save(Path zip) {
        requireOpen();
        try (var out = Files.newOutputStream(zip)) {
            ModelZip.write(network, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model to " + zip, e);
        }
    }

    /** Frees the network's parameters and updater state; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            NetworkRelease.release(network);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("model is closed");
        }
    }
}
