package dev.workbench.spec;

import java.util.List;

/** The model template: input shape and the ordered layers, ending with an {@code output} layer. */
public record ModelSpec(InputShape input, List<LayerSpec> layers) {

    public ModelSpec {
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /** Input image shape. */
    public record InputShape(Integer height, Integer width, Integer channels) {
        public InputShape {
            channels = channels == null ? Integer.valueOf(1) : channels;
        }
    }
}
