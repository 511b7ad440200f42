package dev.workbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.UserInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SubsetTest {

    /** 600 of class 0, 300 of class 1, 100 of class 2, interleaved. */
    private static int[] skewedLabels() {
        int[] labels = new int[1000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2;
        }
        return labels;
    }

    private static int[] countsOf(int[] labels, int[] indices) {
        int[] counts = new int[3];
        for (int i : indices) {
            counts[labels[i]]++;
        }
        return counts;
    }

    @Test
    void keepsClassProportions() {
        int[] labels = skewedLabels();

        int[] subset = Subset.stratified(labels, 100, 1);

        assertThat(countsOf(labels, subset)).containsExactly(60, 30, 10);
        assertThat(subset).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(subset)).allMatch(i -> i >= 0 && i < labels.length);
    }

    @Test
    void largestRemaindersMakeTheCountExact() {
        int[] labels = skewedLabels();

        assertThat(countsOf(labels, Subset.stratified(labels, 7, 1))).containsExactly(4, 2, 1);
        assertThat(countsOf(labels, Subset.stratified(labels, 2, 1))).containsExactly(1, 1, 0);
        assertThat(Subset.stratified(new int[] {0, 1, 2}, 2, 5)).hasSize(2);
        assertThat(countsOf(new int[] {0, 1, 2}, Subset.stratified(new int[] {0, 1, 2}, 2, 5)))
                .containsExactly(1, 1, 0);
    }

    @Test
    void sameSeedSameSubsetOtherSeedOtherSubset() {
        int[] labels = skewedLabels();

        assertThat(Subset.stratified(labels, 100, 42)).isEqualTo(Subset.stratified(labels, 100, 42));
        assertThat(Subset.stratified(labels, 100, 42)).isNotEqualTo(Subset.stratified(labels, 100, 43));
    }

    @Test
    void wholeSetIsEveryIndex() {
        int[] labels = skewedLabels();

        assertThat(Subset.stratified(labels, 1000, 9))
                .isEqualTo(java.util.stream.IntStream.range(0, 1000).toArray());
    }

    @Test
    void tooLargeOrEmptySubsetIsBadInput() {
        int[] labels = new int[50];

        assertThatThrownBy(() -> Subset.stratified(labels, 51, 1))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("51")
                .hasMessageContaining("50");
        assertThatThrownBy(() -> Subset.stratified(labels, 0, 1)).isInstanceOf(UserInputException.class);
        assertThat(Arrays.stream(Subset.stratified(labels, 50, 1)).sum()).isEqualTo(49 * 50 / 2);
    }
}
