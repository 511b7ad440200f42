package dev.workbench.provenance;

/**
 * Derives every seed from the experiment seed, so each (trial, fold) unit is reproducible on its own:
 * the same (experiment seed, trial, fold) always gives the same seed, whatever ran before it.
 */
public final class Seeds {

    private static final long REFIT_FOLD = -1;

    private Seeds() {}

    /** The seed stored with a trial. */
    public static long trial(long experimentSeed, int trial) {
        return mix(mix(experimentSeed) ^ mix(0x7472_6961_6CL + trial));
    }

    /** The seed of one fold of one trial: weight initialisation, dropout masks and batch order. */
    public static long fold(long experimentSeed, int trial, int fold) {
        return mix(trial(experimentSeed, trial) ^ mix(0x666F_6C64L + fold));
    }

    /** The seed of the refit of a trial on all training data. */
    public static long refit(long experimentSeed, int trial) {
        return fold(experimentSeed, trial, (int) REFIT_FOLD);
    }

    /** The seed for fold assignment and subsetting, shared by all trials. */
    public static long data(long experimentSeed) {
        return mix(experimentSeed ^ 0x6461_7461L);
    }

    /** SplitMix64 finaliser: a bijective, well-scrambled 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
