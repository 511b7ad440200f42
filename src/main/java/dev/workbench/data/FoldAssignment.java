package dev.workbench.data;

import dev.workbench.UserInputException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/**
 * Which of {@code k} cross-validation folds each example {@code 0 .. size()-1} belongs to.
 * Stratified assignment shuffles each class (ascending label order, one {@link SplittableRandom}
 * seeded once) and deals its examples round-robin to the folds, the fold counter running on across
 * classes: fold sizes differ by at most one, and so do each class's counts per fold. The same
 * labels, {@code k} and seed always give the same assignment.
 */
public final class FoldAssignment {

    private final int k;
    private final int[] foldOf;
    private final int[] foldSizes;

    private FoldAssignment(int k, int[] foldOf) {
        this.k = k;
        this.foldOf = foldOf;
        this.foldSizes = new int[k];
        for (int fold : foldOf) {
            foldSizes[fold]++;
        }
    }

    /**
     * Stratified folds over the examples with the given labels (indices into {@code labels}).
     *
     * @throws UserInputException unless {@code 2 <= k <= labels.length}
     */
    public static FoldAssignment stratified(int[] labels, int k, long seed) {
        if (k < 2 || k > labels.length) {
            throw new UserInputException(
                    "cannot split " + labels.length + " examples into " + k + " folds (need 2 <= folds <= examples)");
        }
        ClassIndex index = ClassIndex.of(labels);
        SplittableRandom random = new SplittableRandom(seed);
        int[] foldOf = new int[labels.length];
        int next = 0;
        for (int c = 0; c < index.classes(); c++) {
            for (int example : index.shuffled(c, random)) {
                foldOf[example] = next;
                next = (next + 1) % k;
            }
        }
        return new FoldAssignment(k, foldOf);
    }

    /** Unstratified folds: as {@link #stratified} with every example in one class. */
    public static FoldAssignment random(int size, int k, long seed) {
        return stratified(new int[size], k, seed);
    }

    public int k() {
        return k;
    }

    /** The number of examples assigned. */
    public int size() {
        return foldOf.length;
    }

    /** The fold, {@code 0 .. k-1}, whose validation set holds example {@code index}. */
    public int foldOf(int index) {
        return foldOf[index];
    }

    public int foldSize(int fold) {
        return foldSizes[checkFold(fold)];
    }

    /** Examples validated in {@code fold}, ascending. */
    public int[] validationIndices(int fold) {
        return collect(checkFold(fold), true, foldSizes[fold]);
    }

    /** Examples trained on in {@code fold} (all the others), ascending. */
    public int[] trainIndices(int fold) {
        return collect(checkFold(fold), false, foldOf.length - foldSizes[fold]);
    }

    /**
     * Lowercase hex SHA-256 of the assignment: big-endian ints {@code k}, {@code size()}, then
     * {@code foldOf(i)} for each example in order.
     */
    public String sha256() {
        ByteBuffer bytes = ByteBuffer.allocate(4 * (2 + foldOf.length));
        bytes.putInt(k).putInt(foldOf.length);
        for (int fold : foldOf) {
            bytes.putInt(fold);
        }
        MessageDigest digest = Sha256.newDigest();
        digest.update(bytes.array());
        return Sha256.hex(digest);
    }

    private int[] collect(int fold, boolean inFold, int count) {
        int[] result = new int[count];
        int filled = 0;
        for (int i = 0; i < foldOf.length; i++) {
            if ((foldOf[i] == fold) == inFold) {
                result[filled++] = i;
            }
        }
        return result;
    }

    private int checkFold(int fold) {
        if (fold < 0 || fold >= k) {
            throw new IndexOutOfBoundsException("fold " + fold + " out of 0.." + (k - 1));
        }
        return fold;
    }

    @Override
    public String toString() {
        return "FoldAssignment[k=" + k + ", size=" + foldOf.length + ", sha256=" + sha256() + "]";
    }
}
