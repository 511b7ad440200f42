package dev.workbench.provenance;

import java.time.Instant;
import java.util.List;

/**
 * How one trial was trained, stored with the trial when it completes.
 *
 * @param seed       the trial seed (from the experiment seed and trial index)
 * @param folds      each fold's seed and times
 * @param startedAt  when the trial's first fold started
 * @param finishedAt when its last fold finished
 * @param ompThreads native (OpenMP) threads each unit used; results depend on it
 * @param parallel   units trained at once
 * @param nativeBuild the ND4J native build, e.g. {@code linux-x86_64-onednn-avx2}
 */
public record TrialProvenance(
        long seed,
        List<FoldSeed> folds,
        Instant startedAt,
        Instant finishedAt,
        int ompThreads,
        int parallel,
        String nativeBuild) {

    public TrialProvenance {
        folds = List.copyOf(folds);
    }

    /** One fold's seed (weights, dropout masks, batch order) and when it ran. */
    public record FoldSeed(int fold, long seed, Instant startedAt, Instant finishedAt) {}
}
