package dev.workbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.UserInputException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FoldAssignmentTest {

    /** 103 labels over 4 uneven classes, in a fixed pseudo-random order. */
    private static int[] labels() {
        SplittableRandom random = new SplittableRandom(99);
        return IntStream.range(0, 103)
                .map(i -> random.nextInt(10) < 5 ? 0 : random.nextInt(3) + 1)
                .toArray();
    }

    @Test
    void everyExampleIsValidatedInExactlyOneFold() {
        int[] labels = labels();
        FoldAssignment folds = FoldAssignment.stratified(labels, 3, 7);

        int[] seen = new int[labels.length];
        for (int f = 0; f < 3; f++) {
            int[] validation = folds.validationIndices(f);
            int[] train = folds.trainIndices(f);
            assertThat(validation).isSorted();
            assertThat(train).isSorted();
            assertThat(validation.length + train.length).isEqualTo(labels.length);
            assertThat(train).doesNotContain(validation);
            for (int i : validation) {
                seen[i]++;
                assertThat(folds.foldOf(i)).isEqualTo(f);
            }
        }
        assertThat(seen).containsOnly(1);
        assertThat(folds.size()).isEqualTo(103);
        assertThat(folds.k()).isEqualTo(3);
    }

    @Test
    void foldSizesAndPerClassCountsDifferByAtMostOne() {
        int[] labels = labels();
        for (int k : new int[] {2, 3, 5, 10}) {
            FoldAssignment folds = FoldAssignment.stratified(labels, k, 11);
            int[] sizes = IntStream.range(0, k).map(folds::foldSize).toArray();
            assertThat(spread(sizes)).as("fold sizes for k=%d", k).isLessThanOrEqualTo(1);
            for (int c = 0; c < 4; c++) {
                int[] perFold = new int[k];
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] == c) {
                        perFold[folds.foldOf(i)]++;
                    }
                }
                assertThat(spread(perFold)).as("class %d over %d folds", c, k).isLessThanOrEqualTo(1);
            }
        }
    }

    private static int spread(int[] values) {
        return Arrays.stream(values).max().orElseThrow()
                - Arrays.stream(values).min().orElseThrow();
    }

    @Test
    void sameSeedSameAssignmentOtherSeedOther() {
        int[] labels = labels();
        FoldAssignment a = FoldAssignment.stratified(labels, 5, 42);
        FoldAssignment b = FoldAssignment.stratified(labels.clone(), 5, 42);
        FoldAssignment c = FoldAssignment.stratified(labels, 5, 43);

        for (int f = 0; f < 5; f++) {
            assertThat(a.validationIndices(f)).isEqualTo(b.validationIndices(f));
        }
        assertThat(a.sha256()).isEqualTo(b.sha256()).matches("[0-9a-f]{64}");
        assertThat(c.sha256()).isNotEqualTo(a.sha256());
        assertThat(c.validationIndices(0)).isNotEqualTo(a.validationIndices(0));
        assertThat(FoldAssignment.stratified(labels, 4, 42).sha256()).isNotEqualTo(a.sha256());
    }

    @Test
    void sha256IsAStableFunctionOfTheAssignment() {
        FoldAssignment folds = FoldAssignment.stratified(new int[] {0, 0, 1, 1}, 2, 0);
        java.nio.ByteBuffer expected =
                java.nio.ByteBuffer.allocate(24).putInt(2).putInt(4);
        for (int i = 0; i < 4; i++) {
            expected.putInt(folds.foldOf(i));
        }
        java.security.MessageDigest digest = Sha256.newDigest();
        digest.update(expected.array());

        assertThat(folds.sha256()).isEqualTo(Sha256.hex(digest));
    }

    @Test
    void randomFoldsAreBalancedToo() {
        FoldAssignment folds = FoldAssignment.random(10, 3, 1);

        assertThat(IntStream.range(0, 3).map(folds::foldSize).toArray()).containsExactlyInAnyOrder(4, 3, 3);
    }

    @Test
    void needsTwoToSizeFolds() {
        assertThatThrownBy(() -> FoldAssignment.stratified(new int[5], 1, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("1 folds");
        assertThatThrownBy(() -> FoldAssignment.stratified(new int[5], 6, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("5 examples");
        assertThat(FoldAssignment.stratified(new int[5], 5, 0).foldSize(4)).isEqualTo(1);
        assertThatThrownBy(() -> FoldAssignment.stratified(new int[5], 2, 0).trainIndices(2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
