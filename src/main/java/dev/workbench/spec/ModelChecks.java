package dev.workbench.spec;

import java.util.List;
import java.util.Set;

/**
 * Checks the model template, including that the architecture fits its input for every candidate:
 * feature maps only shrink as kernel, stride and pool sizes grow, so the largest values are checked.
 */
final class ModelChecks {

    private final SpecValidator v;
    private final SearchSpec search;
    private final Set<String> used;

    ModelChecks(SpecValidator v, SearchSpec search, Set<String> used) {
        this.v = v;
        this.search = search;
        this.used = used;
    }

    void check(ModelSpec model) {
        ModelSpec.InputShape in = model.input();
        v.require(in != null, "model.input", "is required: {height, width, channels}");
        v.require(in.height() != null && in.height() >= 1, "model.input.height", "must be a positive integer");
        v.require(in.width() != null && in.width() >= 1, "model.input.width", "must be a positive integer");
        v.require(in.channels() >= 1, "model.input.channels", "must be a positive integer");
        List<LayerSpec> layers = model.layers();
        v.require(!layers.isEmpty(), "model.layers", "needs at least an output layer");
        int h = in.height();
        int w = in.width();
        boolean flat = false;
        for (int i = 0; i < layers.size(); i++) {
            String path = "model.layers[" + i + "]." + layers.get(i).type();
            LayerSpec layer = layers.get(i);
            boolean last = i == layers.size() - 1;
            v.require(!(layer instanceof LayerSpec.Output) || last, path, "the output layer must be the last layer");
            v.require(
                    layer instanceof LayerSpec.Output || !last,
                    "model.layers",
                    "the last layer must be an output layer");
            if (layer instanceof LayerSpec.Conv || layer instanceof LayerSpec.MaxPool) {
                v.require(!flat, path, "cannot follow a dense layer (its input is no longer an image)");
                int[] hw = spatial(path, layer, h, w);
                h = hw[0];
                w = hw[1];
            } else {
                flat |= layer instanceof LayerSpec.Dense;
                checkFlat(path, layer);
            }
        }
    }

    private int[] spatial(String path, LayerSpec layer, int h, int w) {
        if (layer instanceof LayerSpec.Conv c) {
            v.positiveInt(path + ".filters", c.filters(), search, used);
            int k = v.positiveInt(path + ".kernel", c.kernel(), search, used);
            int s = v.positiveInt(path + ".stride", c.stride(), search, used);
            boolean same = c.padding() == LayerSpec.Padding.SAME;
            return new int[] {
                out(path + ".kernel", h, w, k, s, same, c.kernel()), out(path + ".kernel", w, h, k, s, same, c.kernel())
            };
        }
        LayerSpec.MaxPool p = (LayerSpec.MaxPool) layer;
        int k = v.positiveInt(path + ".size", p.size(), search, used);
        int s = v.positiveInt(path + ".stride", p.stride(), search, used);
        return new int[] {
            out(path + ".size", h, w, k, s, false, p.size()), out(path + ".size", w, h, k, s, false, p.size())
        };
    }

    private int out(String path, int size, int other, int k, int s, boolean same, Num source) {
        if (same) {
            return (size + s - 1) / s;
        }
        v.require(
                k <= size,
                path,
                "window " + k + SpecValidator.via(source) + " is larger than its " + size + "x" + other
                        + " input feature map");
        return (size - k) / s + 1;
    }

    private void checkFlat(String path, LayerSpec layer) {
        if (layer instanceof LayerSpec.Dense d) {
            v.positiveInt(path + ".units", d.units(), search, used);
        } else if (layer instanceof LayerSpec.Dropout d) {
            ParamDomain rate = v.domain(path + ".rate", d.rate(), search, used);
            v.require(
                    rate.min() >= 0 && rate.max() < 1,
                    path + ".rate",
                    "dropout rate must be in [0, 1) (can be " + (rate.min() < 0 ? rate.min() : rate.max())
                            + SpecValidator.via(d.rate()) + ")");
        } else if (layer instanceof LayerSpec.Output o) {
            v.positiveInt(path + ".classes", o.classes(), search, used);
            v.require(o.classes().literal() != null, path + ".classes", "must be a literal number");
        }
    }
}
