package dev.workbench.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of the model template, written in YAML as a single-key map such as {@code - conv: {...}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
    @JsonSubTypes.Type(value = LayerSpec.Conv.class, name = "conv"),
    @JsonSubTypes.Type(value = LayerSpec.MaxPool.class, name = "maxpool"),
    @JsonSubTypes.Type(value = LayerSpec.Dense.class, name = "dense"),
    @JsonSubTypes.Type(value = LayerSpec.Dropout.class, name = "dropout"),
    @JsonSubTypes.Type(value = LayerSpec.Output.class, name = "output")
})
public sealed interface LayerSpec {

    /** The YAML name of this layer type. */
    String type();

    /** 2-D convolution; {@code stride} defaults to 1, {@code padding} to valid, {@code activation} to relu. */
    record Conv(Num filters, Num kernel, Num stride, Padding padding, Activation activation) implements LayerSpec {
        public Conv {
            stride = stride == null ? Num.of(1) : stride;
            padding = padding == null ? Padding.VALID : padding;
            activation = activation == null ? Activation.RELU : activation;
        }

        @Override
        public String type() {
            return "conv";
        }
    }

    /** Max pooling; {@code size} defaults to 2 and {@code stride} to the size. */
    record MaxPool(Num size, Num stride) implements LayerSpec {
        public MaxPool {
            size = size == null ? Num.of(2) : size;
            stride = stride == null ? size : stride;
        }

        @Override
        public String type() {
            return "maxpool";
        }
    }

    /** Fully connected layer; {@code activation} defaults to relu. */
    record Dense(Num units, Activation activation) implements LayerSpec {
        public Dense {
            activation = activation == null ? Activation.RELU : activation;
        }

        @Override
        public String type() {
            return "dense";
        }
    }

    /** Dropout with {@code rate} = probability of DROPPING a unit (as in Keras), in [0, 1). */
    record Dropout(Num rate) implements LayerSpec {
        @Override
        public String type() {
            return "dropout";
        }
    }

    /** Softmax classification output with cross-entropy loss; must be the last layer. */
    record Output(Num classes) implements LayerSpec {
        @Override
        public String type() {
            return "output";
        }
    }

    /** Convolution padding mode. */
    enum Padding {
        SAME,
        VALID
    }

    /** Hidden-layer activation functions. */
    enum Activation {
        RELU,
        TANH,
        SIGMOID,
        ELU,
        LEAKYRELU,
        IDENTITY
    }
}
