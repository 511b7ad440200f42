package dev.workbench.bench;

import dev.workbench.spec.LayerSpec;
import dev.workbench.spec.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model template with one candidate's values filled in: its layers as plain maps (for the PyTorch
 * plan) and the multiply-adds of one forward pass, counted as 2 FLOPs each.
 *
 * @param layers       {@code type} plus the layer's resolved settings, lowercase, in order
 * @param forwardFlops floating-point operations of one image's forward pass (convolutions and dense
 *                     layers; activations and pooling are not counted)
 */
record ModelPlan(List<Map<String, Object>> layers, long forwardFlops) {

    ModelPlan {
        layers = List.copyOf(layers);
    }

    /** FLOPs of one training step per image: forward, plus backward for inputs and for weights. */
    long trainingFlops() {
        return 3 * forwardFlops;
    }

    static ModelPlan of(ModelSpec model, Map<String, Double> params) {
        List<Map<String, Object>> layers = new ArrayList<>();
        long flops = 0;
        long h = model.input().height();
        long w = model.input().width();
        long c = model.input().channels();
        for (LayerSpec layer : model.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", layer.type());
            if (layer instanceof LayerSpec.Conv conv) {
                int k = conv.kernel().resolveInt(params);
                int s = conv.stride().resolveInt(params);
                int filters = conv.filters().resolveInt(params);
                boolean same = conv.padding() == LayerSpec.Padding.SAME;
                h = same ? ceilDiv(h, s) : (h - k) / s + 1;
                w = same ? ceilDiv(w, s) : (w - k) / s + 1;
                flops += 2L * k * k * c * filters * h * w;
                c = filters;
                m.putAll(Map.of("filters", filters, "kernel", k, "stride", s,
                        "padding", conv.padding().name().toLowerCase(), "activation", conv.activation().name().toLowerCase()));
            } else if (layer instanceof LayerSpec.MaxPool pool) {
                int size = pool.size().resolveInt(params);
                int s = pool.stride().resolveInt(params);
                h = (h - size) / s + 1;
                w = (w - size) / s + 1;
                m.putAll(Map.of("size", size, "stride", s));
            } else if (layer instanceof LayerSpec.Dense dense) {
                int units = dense.units().resolveInt(params);
                flops += 2L * h * w * c * units;
                h = 1;
                w = 1;
                c = units;
                m.putAll(Map.of("units", units, "activation", dense.activation().name().toLowerCase()));
            } else if (layer instanceof LayerSpec.Dropout dropout) {
                m.put("rate", dropout.rate().resolve(params));
            } else {
                int classes = ((LayerSpec.Output) layer).classes().resolveInt(params);
                flops += 2L * h * w * c * classes;
                m.put("classes", classes);
            }
            layers.add(m);
        }
        return new ModelPlan(layers, flops);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
