package dev.workbench.app;

import dev.workbench.provenance.Seeds;
import dev.workbench.spec.ExperimentSpec;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.TrialRow;
import dev.workbench.train.EpochListener;
import dev.workbench.train.FoldTrainer;
import dev.workbench.train.Segment;
import dev.workbench.train.SegmentResult;
import dev.workbench.train.TrainRequest;
import dev.workbench.train.TrainedModel;

/**
 * The one way the app trains a unit, for run, refit, reproduce and export alike: a fold of a trial from
 * its stored fold seed, or the refit of a trial on all training data from the refit seed (derived here
 * and nowhere else) for a fixed number of epochs. Epochs go to the caller's listener as they finish.
 * Networks train with the experiment's stored kernels and are scored its stored inference batch at a time.
 */
final class UnitTraining {

    private final ExperimentSpec spec;
    private final int inferenceBatch;
    private final int kernels;

    /** Trains {@code spec}'s units with the kernels and scoring batch {@code experiment} stores. */
    UnitTraining(ExperimentSpec spec, ExperimentRow experiment) {
        this.spec = spec;
        this.inferenceBatch = experiment.inferenceBatch();
        this.kernels = experiment.kernels();
    }

    /** The seed the refit of trial {@code trialIndex} trains from. */
    long refitSeed(int trialIndex) {
        return Seeds.refit(spec.seed(), trialIndex);
    }

    /**
     * Trains one fold, or the segment of it that {@code segment} names (successive halving pauses a fold at a
     * rung and resumes it from its checkpoint), and keeps only its metrics and the checkpoint of a paused fold.
     */
    SegmentResult segment(TrialRow trial, long seed, PreparedData.Split split, Segment segment, EpochListener epochs) {
        return new FoldTrainer().trainSegment(foldRequest(trial, seed, split), segment, epochs);
    }

    /** Trains one fold and keeps its network; the caller closes it. */
    TrainedModel foldModel(TrialRow trial, long seed, PreparedData.Split split, EpochListener epochs) {
        return new FoldTrainer().trainModel(foldRequest(trial, seed, split), epochs);
    }

    /** Trains the refit of {@code trial} on {@code split} for {@code epochs} epochs; the caller closes it. */
    TrainedModel refit(TrialRow trial, int epochs, PreparedData.Split split, EpochListener listener) {
        return new FoldTrainer()
                .trainModel(
                        new TrainRequest(
                                spec.model(),
                                spec.training().fixedEpochs(epochs),
                                trial.params(),
                                refitSeed(trial.index()),
                                split.train(),
                                split.validation(),
                                inferenceBatch,
                                kernels),
                        listener);
    }

    private TrainRequest foldRequest(TrialRow trial, long seed, PreparedData.Split split) {
        return new TrainRequest(
                spec.model(),
                spec.training(),
                trial.params(),
                seed,
                split.train(),
                split.validation(),
                inferenceBatch,
                kernels);
    }
}
