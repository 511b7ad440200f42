package dev.workbench.data;

import java.util.SplittableRandom;

/** Example indices grouped by class label, in ascending order within each class. */
final class ClassIndex {

    private final int[][] byClass;

    private ClassIndex(int[][] byClass) {
        this.byClass = byClass;
    }

    /** Groups {@code 0 .. labels.length-1} by label; labels must be non-negative. */
    static ClassIndex of(int[] labels) {
        int classes = 0;
        for (int label : labels) {
            if (label < 0) {
                throw new IllegalArgumentException("labels must be non-negative, got " + label);
            }
            classes = Math.max(classes, label + 1);
        }
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        return new ClassIndex(byClass);
    }

    int classes() {
        return byClass.length;
    }

    int count(int label) {
        return byClass[label].length;
    }

    /**
     * The indices of one class in a seeded random order (Fisher–Yates), drawing from {@code random};
     * callers visit classes in ascending label order so the result depends only on the seed.
     */
    int[] shuffled(int label, SplittableRandom random) {
        int[] order = byClass[label].clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
