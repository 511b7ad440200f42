package dev.workbench.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;

/**
 * Networks as DL4J {@code ModelSerializer} zips, written with DL4J's own ReLU where they train with
 * {@link FastRelu} (so a saved model loads in plain DL4J, and in builds without that class) and read back
 * with {@link FastRelu} in its place.
 */
final class ModelZip {

    private ModelZip() {}

    /** Writes the network with its updater state. */
    static void write(MultiLayerNetwork net, OutputStream out) throws IOException {
        List<BaseLayer> swapped = replace(net, FastRelu.class, ActivationReLU::new);
        try {
            ModelSerializer.writeModel(net, out, true);
        } finally {
            swapped.forEach(layer -> layer.setActivationFn(new FastRelu()));
        }
    }

    /** Reads a network, with its updater state when {@code withUpdater}. */
    static MultiLayerNetwork read(InputStream in, boolean withUpdater) throws IOException {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(in, withUpdater);
        replace(net, ActivationReLU.class, FastRelu::new);
        return net;
    }

    /** Gives every layer whose activation is exactly a default {@code from} a new one; returns those layers. */
    private static List<BaseLayer> replace(
            MultiLayerNetwork net, Class<? extends ActivationReLU> from, Supplier<IActivation> to) {
        List<BaseLayer> replaced = new ArrayList<>();
        for (NeuralNetConfiguration conf : net.getLayerWiseConfigurations().getConfs()) {
            if (conf.getLayer() instanceof BaseLayer layer
                    && layer.getActivationFn() instanceof ActivationReLU relu
                    && relu.getClass() == from
                    && isDefault(relu)) {
                layer.setActivationFn(to.get());
                replaced.add(layer);
            }
        }
        return replaced;
    }

    private static boolean isDefault(ActivationReLU relu) {
        return relu.getMax() == null
                && (relu.getThreshold() == null || relu.getThreshold() == 0.0)
                && (relu.getNegativeSlope() == null || relu.getNegativeSlope() == 0.0);
    }
}
