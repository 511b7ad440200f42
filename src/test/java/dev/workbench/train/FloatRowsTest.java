package dev.workbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.backend.CpuBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FloatRowsTest {

    @BeforeAll
    static void prepare() {
        new CpuBackend().prepare();
    }

    @Test
    void rowsEqualNd4jsOwnForEveryLayout() {
        INDArray c = Nd4j.rand(DataType.FLOAT, 7, 5);
        INDArray f = c.dup('f');
        INDArray view = Nd4j.rand(DataType.FLOAT, 9, 6).get(NDArrayIndex.interval(2, 8), NDArrayIndex.interval(1, 5));
        INDArray transposed = Nd4j.rand(DataType.FLOAT, 4, 3).transpose();
        for (INDArray matrix : new INDArray[] {c, f, view, transposed, c.getRows(3)}) {
            assertThat(FloatRows.of(matrix)).isDeepEqualTo(matrix.toFloatMatrix());
        }
    }

    @Test
    void refusesArraysThatAreNotMatrices() {
        assertThatThrownBy(() -> FloatRows.of(Nd4j.rand(DataType.FLOAT, 2, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 3, 4]");
    }
}
