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
        Shape shape = new Shape(
                model.input().height(), model.input().width(), model.input().channels());
        for (LayerSpec layer : model.layers()) {
            Step step = step(layer, params, shape);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", layer.type());
            m.putAll(step.settings());
            layers.add(m);
            flops += step.flops();
            shape = step.out();
        }
        return new ModelPlan(layers, flops);
    }

    /** Height, width and channels of the activations between layers. */
    private record Shape(long h, long w, long c) {}

    /** One resolved layer: its settings, its forward FLOPs per image and its output shape. */
    private record Step(Map<String, Object> settings, long flops, Shape out) {}

    private static Step step(LayerSpec layer, Map<String, Double> params, Shape in) {
        if (layer instanceof LayerSpec.Conv conv) {
            return conv(conv, params, in);
        }
        if (layer instanceof LayerSpec.MaxPool pool) {
            int size = pool.size().resolveInt(params);
            int s = pool.stride().resolveInt(params);
            return new Step(
                    Map.of("size", size, "stride", s),
                    0,
                    new Shape((in.h() - size) / s + 1, (in.w() - size) / s + 1, in.c()));
        }
        if (layer instanceof LayerSpec.Dense dense) {
            int units = dense.units().resolveInt(params);
            return new Step(
                    Map.of(
                            "units",
                            units,
                            "activation",
                            dense.activation().name().toLowerCase()),
                    2L * in.h() * in.w() * in.c() * units,
                    new Shape(1, 1, units));
        }
        if (layer instanceof LayerSpec.Dropout dropout) {
            return new Step(Map.of("rate", dropout.rate().resolve(params)), 0, in);
        }
        int classes = ((LayerSpec.Output) layer).classes().resolveInt(params);
        return new Step(Map.of("classes", classes), 2L * in.h() * in.w() * in.c() * classes, new Shape(1, 1, classes));
    }

    private static Step conv(LayerSpec.Conv conv, Map<String, Double> params, Shape in) {
        int k = conv.kernel().resolveInt(params);
        int s = conv.stride().resolveInt(params);
        int filters = conv.filters().resolveInt(params);
        boolean same = conv.padding() == LayerSpec.Padding.SAME;
        long h = same ? ceilDiv(in.h(), s) : (in.h() - k) / s + 1;
        long w = same ? ceilDiv(in.w(), s) : (in.w() - k) / s + 1;
        Map<String, Object> settings = Map.of(
                "filters",
                filters,
                "kernel",
                k,
                "stride",
                s,
                "padding",
                conv.padding().name().toLowerCase(),
                "activation",
                conv.activation().name().toLowerCase());
        return new Step(settings, 2L * k * k * in.c() * filters * h * w, new Shape(h, w, filters));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
