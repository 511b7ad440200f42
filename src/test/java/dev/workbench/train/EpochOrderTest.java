package dev.workbench.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EpochOrderTest {

    @Test
    void isASeededPermutationThatChangesEveryEpoch() {
        int[] first = EpochOrder.permutation(500, 42L, 1);
        assertThat(first).containsExactlyInAnyOrder(IntStream.range(0, 500).toArray());
        assertThat(first).isNotEqualTo(IntStream.range(0, 500).toArray());
        assertThat(EpochOrder.permutation(500, 42L, 1)).isEqualTo(first);
        assertThat(EpochOrder.permutation(500, 42L, 2)).isNotEqualTo(first);
        assertThat(EpochOrder.permutation(500, 43L, 1)).isNotEqualTo(first);
    }
}
