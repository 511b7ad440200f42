package dev.workbench.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained network kept for scoring or export, with the result of its training. It holds off-heap
 * memory: close it when done. Not for concurrent use; its methods are synchronised.
 */
public final class TrainedModel implements AutoCloseable {

    private final MultiLayerNetwork network;
    private final FoldResult result;
    private boolean closed;

    TrainedModel(MultiLayerNetwork network, FoldResult result) {
        this.network = network;
        this.result = result;
    }

    /** The epochs that produced this model. */
    public FoldResult result() {
        return result;
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
            return InferenceEvaluator.evaluate(network, arrays);
        } finally {
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
    }

    /**
     * Writes the model as a DL4J {@code ModelSerializer} zip ({@code configuration.json},
     * {@code coefficients.bin}, {@code updaterState.bin}); reload it with
     * {@code ModelSerializer.restoreMultiLayerNetwork}.
     */
    public synchronized void save(Path zip) {
        requireOpen();
        try {
            ModelSerializer.writeModel(network, zip.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model to " + zip, e);
        }
    }

    /** Frees the network's parameters and updater state; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            network.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("model is closed");
        }
    }
}
