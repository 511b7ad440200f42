package dev.workbench.train;

import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.SevenBands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads the spread of every layer's weights ({@code W}) and biases ({@code b}) and the L2 norm of their
 * change since the previous reading. It copies the parameters out and never touches the network's state or
 * ND4J's random generator, so training is unchanged. Sorting every parameter costs about as much as a few
 * batches, which is why the trainer reads it once per epoch rather than at every logged step.
 */
final class WeightSpreadMeter {

    private final MultiLayerNetwork net;
    private final Map<String, float[]> previous = new HashMap<>();

    WeightSpreadMeter(MultiLayerNetwork net) {
        this.net = net;
    }

    /** The spread now, after {@code epoch} epochs (0: the initial weights). */
    List<LayerSpread> read(int epoch) {
        List<LayerSpread> spread = new ArrayList<>();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            String type = type(layers[i]);
            for (String param : List.of("W", "b")) {
                INDArray values = layers[i].paramTable().get(param);
                if (values != null) {
                    spread.add(spread(epoch, i, type, param, values));
                }
            }
        }
        return spread;
    }

    private LayerSpread spread(int epoch, int layer, String type, String param, INDArray values) {
        float[] now;
        try (INDArray copy = values.dup('c')) {
            now = copy.data().asFloat();
        }
        float[] before = previous.put(layer + param, now);
        return new LayerSpread(epoch, layer, type, param, now.length, SevenBands.of(now), distance(before, now));
    }

    private static double distance(float[] before, float[] now) {
        if (before == null) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < now.length; i++) {
            double d = (double) now[i] - before[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static String type(Layer layer) {
        String name = layer.conf().getLayer().getClass().getSimpleName();
        return switch (name) {
            case "ConvolutionLayer" -> "conv";
            case "DenseLayer" -> "dense";
            case "OutputLayer" -> "output";
            default -> name.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
