package dev.workbench.train;

import java.util.SplittableRandom;

/** The seeded order in which one epoch visits the training rows. */
final class EpochOrder {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private EpochOrder() {}

    /**
     * A permutation of {@code 0..n-1} that depends only on {@code seed} and {@code epoch} (from 1):
     * Fisher–Yates with a {@link SplittableRandom} seeded from both.
     */
    static int[] permutation(int n, long seed, int epoch) {
        SplittableRandom random = new SplittableRandom(seed + GOLDEN_GAMMA * epoch);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
