package dev.workbench.train;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backward pass of a network's first convolution ({@link TrainRequest#kernels()} 2). DL4J's oneDNN helper
 * runs {@code conv2d_bp}, which also computes the gradient with respect to the input images; nothing reads
 * that gradient (the first layer's is discarded), and for one input channel oneDNN computes it slowly: the
 * whole call took 2.1–5.1 ms for a 64-image MNIST batch of the default grid's first layers on one thread. Here
 * the weight gradient is one forward convolution instead, the input (images as channels) correlated with the
 * output gradient (batch as channels), 0.44–0.94 ms; the bias gradient is the output gradient's sum; the input
 * gradient is returned as zeros. The forward pass stays the wrapped helper's. A helper belongs to one network's
 * layer, trained on one thread.
 *
 * <p>The gradients equal oneDNN's up to rounding, not bit for bit, which is why this is a per-experiment
 * setting. Layers it does not cover (not NCHW, strides or dilation other than 1, padding that is not
 * symmetric) take the wrapped helper's path.
 */
final class InputConvolutionHelper implements ConvolutionHelper {

    private static final VarHandle HELPER = helperField();

    private final ConvolutionHelper wrapped;
    private final Ones pixelOnes = new Ones();
    private final Ones imageOnes = new Ones();

    private InputConvolutionHelper(ConvolutionHelper wrapped) {
        this.wrapped = wrapped;
    }

    /**
     * Gives {@code net}'s first layer this backward pass when it is a convolution with a helper (oneDNN or
     * cuDNN) to keep for the forward pass; otherwise changes nothing.
     */
    static void install(MultiLayerNetwork net) {
        Layer first = net.getLayer(0);
        if (first.getClass() == ConvolutionLayer.class
                && ((ConvolutionLayer) first).getHelper() instanceof ConvolutionHelper helper
                && !(helper instanceof InputConvolutionHelper)) {
            HELPER.set(first, new InputConvolutionHelper(helper));
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(
            INDArray input,
            INDArray weights,
            INDArray bias,
            INDArray delta,
            int[] kernel,
            int[] strides,
            int[] pad,
            INDArray biasGradView,
            INDArray weightGradView,
            IActivation afn,
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode mode,
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo filterAlgo,
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo dataAlgo,
            ConvolutionMode convolutionMode,
            int[] dilation,
            CNN2DFormat format,
            LayerWorkspaceMgr workspaces) {
        if (!covered(input, delta, kernel, strides, pad, dilation, format)) {
            return wrapped.backpropGradient(
                    input,
                    weights,
                    bias,
                    delta,
                    kernel,
                    strides,
                    pad,
                    biasGradView,
                    weightGradView,
                    afn,
                    mode,
                    filterAlgo,
                    dataAlgo,
                    convolutionMode,
                    dilation,
                    format,
                    workspaces);
        }
        // gradW[o][i][y][x] = sum over images b and output pixels p of delta[b][o][p] * input[b][i][p + (y, x)]:
        // a convolution of the input seen as [channels][images][h][w] with delta seen as weights [o][images][h][w]
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(input.permute(1, 0, 2, 3), delta.permute(1, 0, 2, 3))
                .addOutputs(weightGradView.permute(1, 0, 2, 3))
                .addIntegerArguments((int) delta.size(2), (int) delta.size(3), 1, 1, pad[0], pad[1], 1, 1, 0, 0, 1)
                .build());
        Gradient gradient = new DefaultGradient();
        if (biasGradView != null) {
            biasGradient(delta, biasGradView, workspaces);
            gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
        INDArray inputGradient = workspaces.create(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        return new Pair<>(gradient, inputGradient);
    }

    /**
     * The sum of {@code delta} over images and pixels, per channel, as two matrix products with columns of ones:
     * [images·channels][pixels] · 1 gives each image's channel sums, 1ᵀ · [images][channels] their sum. ND4J's sum
     * over three dimensions took 0.54–0.57 ms for 64×16×28×28, the first product and ND4J's sum over images
     * 0.15–0.16 ms, and in a profile that small sum still cost two thirds of the product.
     */
    private void biasGradient(INDArray delta, INDArray biasGradView, LayerWorkspaceMgr workspaces) {
        long images = delta.size(0);
        long channels = delta.size(1);
        long pixels = delta.size(2) * delta.size(3);
        INDArray perImage = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, images, channels);
        Nd4j.gemm(
                delta.reshape('c', images * channels, pixels),
                pixelOnes.of(pixels),
                perImage.reshape('c', images * channels, 1),
                false,
                false,
                1.0,
                0.0);
        Nd4j.gemm(imageOnes.of(images), perImage, biasGradView.reshape('c', 1, channels), true, false, 1.0, 0.0);
    }

    /** A column of ones, kept outside the workspaces and made again when another length is asked for. */
    private static final class Ones {
        private INDArray column;

        INDArray of(long rows) {
            if (column == null || column.rows() != rows) {
                column = Nd4j.ones(DataType.FLOAT, rows, 1).detach();
            }
            return column;
        }
    }

    /**
     * FLOAT NCHW arrays, stride 1, no dilation, and padding that makes the correlation's output exactly the
     * kernel's size (valid padding, or same padding with an odd kernel).
     */
    private static boolean covered(
            INDArray input,
            INDArray delta,
            int[] kernel,
            int[] strides,
            int[] pad,
            int[] dilation,
            CNN2DFormat format) {
        return format == CNN2DFormat.NCHW
                && input.rank() == 4
                && input.dataType() == DataType.FLOAT
                && delta.dataType() == DataType.FLOAT
                && strides[0] == 1
                && strides[1] == 1
                && dilation[0] == 1
                && dilation[1] == 1
                && input.size(2) + 2L * pad[0] - delta.size(2) + 1 == kernel[0]
                && input.size(3) + 2L * pad[1] - delta.size(3) + 1 == kernel[1];
    }

    @Override
    public INDArray preOutput(
            INDArray input,
            INDArray weights,
            INDArray bias,
            int[] kernel,
            int[] strides,
            int[] pad,
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode mode,
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo fwdAlgo,
            ConvolutionMode convolutionMode,
            int[] dilation,
            CNN2DFormat format,
            LayerWorkspaceMgr workspaces) {
        return wrapped.preOutput(
                input,
                weights,
                bias,
                kernel,
                strides,
                pad,
                mode,
                fwdAlgo,
                convolutionMode,
                dilation,
                format,
                workspaces);
    }

    @Override
    public INDArray activate(INDArray z, IActivation afn, boolean training) {
        return wrapped.activate(z, afn, training);
    }

    @Override
    public boolean checkSupported() {
        return wrapped.checkSupported();
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return wrapped.helperMemoryUse();
    }

    private static VarHandle helperField() {
        try {
            return MethodHandles.privateLookupIn(ConvolutionLayer.class, MethodHandles.lookup())
                    .findVarHandle(ConvolutionLayer.class, "helper", ConvolutionHelper.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DL4J's ConvolutionLayer has no helper field to set", e);
        }
    }
}
