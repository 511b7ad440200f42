package dev.workbench.data;

import dev.workbench.UserInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Seeded stratified subsets: class proportions kept, chosen examples random per seed. */
public final class Subset {

    private Subset() {}

    /**
     * Picks {@code n} indices into {@code labels} with per-class counts proportional to the class
     * frequencies (largest-remainder rounding, ties to the lower label, so they sum to exactly
     * {@code n}); within each class the first picks of a shuffle seeded by {@code seed}.
     *
     * @return the chosen indices, ascending
     * @throws UserInputException if {@code n} is below 1 or more than {@code labels.length}
     */
    public static int[] stratified(int[] labels, int n, long seed) {
        if (n < 1 || n > labels.length) {
            throw new UserInputException("cannot take a subset of " + n + " examples from " + labels.length
                    + " (must be between 1 and " + labels.length + ")");
        }
        ClassIndex index = ClassIndex.of(labels);
        int[] quota = quotas(index, labels.length, n);
        SplittableRandom random = new SplittableRandom(seed);
        int[] chosen = new int[n];
        int filled = 0;
        for (int c = 0; c < index.classes(); c++) {
            int[] order = index.shuffled(c, random);
            System.arraycopy(order, 0, chosen, filled, quota[c]);
            filled += quota[c];
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** Largest-remainder apportionment of {@code n} over the classes by their counts. */
    static int[] quotas(ClassIndex index, int total, int n) {
        int classes = index.classes();
        int[] quota = new int[classes];
        long[] remainder = new long[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            long share = (long) n * index.count(c);
            quota[c] = (int) (share / total);
            remainder[c] = share % total;
            assigned += quota[c];
        }
        int[] byRemainder = IntStream.range(0, classes)
                .boxed()
                .sorted(Comparator.<Integer>comparingLong(c -> -remainder[c]).thenComparing(c -> c))
                .mapToInt(Integer::intValue)
                .toArray();
        for (int i = 0; assigned < n; i++, assigned++) {
            quota[byRemainder[i]]++;
        }
        return quota;
    }
}
