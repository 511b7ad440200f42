package dev.workbench.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One {@link ArrayData} as off-heap ND4J arrays: features {@code [n, h·w·c]} and one-hot labels
 * {@code [n, classes]}, both FLOAT and row-major. Created once per unit; close it to free the memory
 * at once instead of at the next garbage collection.
 */
final class LabelledArrays implements AutoCloseable {

    private final ArrayData data;
    private final INDArray features;
    private final INDArray oneHot;

    private LabelledArrays(ArrayData data, INDArray features, INDArray oneHot) {
        this.data = data;
        this.features = features;
        this.oneHot = oneHot;
    }

    /** Copies the data into new ND4J arrays. */
    static LabelledArrays of(ArrayData data) {
        int n = data.count();
        INDArray features = Nd4j.create(data.featuresView(), new long[] {n, data.rowSize()}, DataType.FLOAT);
        float[] hot = new float[Math.multiplyExact(n, data.numClasses())];
        for (int row = 0; row < n; row++) {
            hot[row * data.numClasses() + data.label(row)] = 1f;
        }
        INDArray oneHot = Nd4j.create(hot, new long[] {n, data.numClasses()}, DataType.FLOAT);
        return new LabelledArrays(data, features, oneHot);
    }

    /** Empty arrays of the same shapes, to receive shuffled copies. */
    LabelledArrays emptyLike() {
        return new LabelledArrays(
                data, Nd4j.create(DataType.FLOAT, features.shape()), Nd4j.create(DataType.FLOAT, oneHot.shape()));
    }

    /** Writes {@code source}'s rows in the given order into this object's arrays; {@code order} is a permutation. */
    void fillPermuted(LabelledArrays source, int[] order) {
        Nd4j.pullRows(source.features, features, 1, order);
        Nd4j.pullRows(source.oneHot, oneHot, 1, order);
    }

    int count() {
        return data.count();
    }

    /** The labels of the rows this object was built from (not of a permuted copy). */
    ArrayData source() {
        return data;
    }

    /** The labels of rows {@code order[from..to)} of the source data. */
    int[] labels(int[] order, int from, int to) {
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
            labels[i - from] = data.label(order[i]);
        }
        return labels;
    }

    /** A view of feature rows {@code [from, to)}. */
    INDArray features(int from, int to) {
        return features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /** A view of one-hot label rows {@code [from, to)}. */
    INDArray oneHot(int from, int to) {
        return oneHot.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    @Override
    public void close() {
        features.close();
        oneHot.close();
    }
}
