package dev.workbench.train;

/**
 * The part of a unit's training one claim runs: from the checkpoint's epoch (0 without one) up to and
 * including {@code toEpoch}, or to the unit's last epoch when {@code toEpoch} is null.
 *
 * @param toEpoch the epoch to pause after (a rung); null: train to the end
 * @param resume  where to continue from; null: a fresh network from the unit's seed
 */
public record Segment(Integer toEpoch, Checkpoint resume) {

    public Segment {
        int from = resume == null ? 0 : resume.epoch();
        if (toEpoch != null && toEpoch <= from) {
            throw new IllegalArgumentException("a segment must end after epoch " + from + ", got " + toEpoch);
        }
    }

    /** The whole unit, from a fresh network to the last epoch. */
    public static Segment whole() {
        return new Segment(null, null);
    }

    /** Epochs already trained. */
    public int fromEpoch() {
        return resume == null ? 0 : resume.epoch();
    }

    /** The last epoch this segment trains, given the unit's {@code epochs}. */
    int lastEpoch(int epochs) {
        return toEpoch == null ? epochs : Math.min(toEpoch, epochs);
    }
}
