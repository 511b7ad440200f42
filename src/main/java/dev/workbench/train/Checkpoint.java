package dev.workbench.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A paused unit after {@code epoch} epochs: the network as a DL4J {@code ModelSerializer} zip with its
 * updater state (which also holds the iteration and epoch counts that drive learning-rate schedules), and
 * the two state words of the training thread's ND4J random generator, which draws the dropout masks.
 * Restoring all three on any thread continues training exactly as if it had never paused.
 */
public final class Checkpoint {

    private final int epoch;
    private final byte[] model;
    private final long rngRoot;
    private final long rngNode;

    /** A checkpoint as stored: {@code model} is copied. */
    public Checkpoint(int epoch, byte[] model, long rngRoot, long rngNode) {
        if (epoch < 1 || model == null || model.length == 0) {
            throw new IllegalArgumentException("a checkpoint needs an epoch >= 1 and a model");
        }
        this.epoch = epoch;
        this.model = model.clone();
        this.rngRoot = rngRoot;
        this.rngNode = rngNode;
    }

    /** The network and the calling thread's random state after {@code epoch} epochs. */
    static Checkpoint capture(MultiLayerNetwork net, int epoch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelZip.write(net, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the checkpoint", e);
        }
        Random random = Nd4j.getRandom();
        return new Checkpoint(epoch, out.toByteArray(), random.rootState(), random.nodeState());
    }

    /** The network with its updater state; sets the calling thread's random state as it was at the pause. */
    MultiLayerNetwork restore() {
        try {
            MultiLayerNetwork net = ModelZip.read(new ByteArrayInputStream(model), true);
            Nd4j.getRandom().setStates(rngRoot, rngNode);
            return net;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint of epoch " + epoch, e);
        }
    }

    /** Epochs trained before the pause. */
    public int epoch() {
        return epoch;
    }

    /** The model zip (a copy). */
    public byte[] model() {
        return model.clone();
    }

    public long rngRoot() {
        return rngRoot;
    }

    public long rngNode() {
        return rngNode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c
                && c.epoch == epoch
                && c.rngRoot == rngRoot
                && c.rngNode == rngNode
                && Arrays.equals(c.model, model);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(model) * 31 + epoch;
    }
}
