package dev.workbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workbench.metrics.ConfusionMatrix;
import dev.workbench.metrics.ConfusionSummary;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.LayerSpread;
import dev.workbench.metrics.Mistake;
import dev.workbench.metrics.ShownScore;
import dev.workbench.metrics.StepMetrics;
import dev.workbench.store.ExperimentDetail;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.ExportRow;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.Refit;
import dev.workbench.store.ReproductionRow;
import dev.workbench.store.TrialDetail;
import dev.workbench.store.TrialRow;
import dev.workbench.store.TrialSearchRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything recorded about one experiment, shaped for {@code show --json} and the leaderboard.
 *
 * @param exports exported models, newest first
 */
public record ExperimentReport(
        Experiment experiment, List<Trial> trials, Refit refit, List<ExportRow> exports, List<TestReport> tests) {

    public ExperimentReport {
        trials = List.copyOf(trials);
        exports = List.copyOf(exports);
        tests = List.copyOf(tests);
    }

    /**
     * A model scored on the test set: the refit ({@code exportId} null) or an export.
     *
     * @param mistakes the most confident mistakes, most confident first ({@code row}: index in the test set)
     */
    public record TestReport(
            Long exportId, int trialIndex, Integer fold, ConfusionSummary confusion, List<Mistake> mistakes) {}

    /**
     * The experiment's identity, spec and state.
     *
     * @param inferenceBatch rows per forward pass its networks are scored with (the last bits of validation and
     *                       test metrics depend on it; 1,024 for experiments stored before it was recorded)
     * @param kernels        which code computed its training arithmetic (1 for experiments stored before it was
     *                       recorded; see {@code TrainRequest.kernels})
     */
    public record Experiment(
            long id,
            String name,
            long seed,
            String specSha256,
            JsonNode spec,
            String status,
            String metric,
            String goal,
            Instant createdAt,
            Instant finishedAt,
            JsonNode provenance,
            int inferenceBatch,
            int kernels) {}

    /**
     * One trial with its score summary over folds and every fold's curves.
     *
     * @param rank         1 for the best trial ({@link Ranking}); null for a trial without a rank
     * @param provenance   {@code TrialProvenance}; null before the trial is done or for trials of older versions
     * @param reproduction the latest {@code workbench reproduce} of the trial; null if never reproduced
     * @param prunedAtEpoch the rung where successive halving pruned the trial; null unless {@code pruned}
     * @param rung         the last rung the trial was ranked at, with its score there; null without halving
     * @param proposal     which TPE batch and model proposed the trial; null outside TPE
     */
    public record Trial(
            int index,
            Map<String, Number> params,
            long seed,
            String status,
            String error,
            ShownScore score,
            Integer rank,
            List<Fold> folds,
            JsonNode provenance,
            Reproduction reproduction,
            ConfusionSummary outOfFold,
            boolean weightsWarning,
            Integer prunedAtEpoch,
            RungScore rung,
            Proposal proposal) {}

    /** A trial's fold-mean objective at a rung of successive halving (not a cross-validated final score). */
    public record RungScore(int epoch, double score) {}

    /** The TPE batch that proposed a trial and what proposed it ({@code random} at startup, else {@code tpe}). */
    public record Proposal(int batch, String model) {}

    /** The outcome of the latest reproduction of a trial; {@code fold} null when all folds were re-run. */
    public record Reproduction(Integer fold, String outcome, String detail, int parallel, Instant verifiedAt) {}

    /**
     * One fold run: its seed, state, per-epoch metrics, steps within epochs, weight spreads, the confusion
     * matrix of its validation rows at the last epoch (null until stored), and which worker trained it
     * (null before the work queue).
     */
    public record Fold(
            int fold,
            long seed,
            String status,
            String error,
            List<EpochMetrics> epochs,
            List<StepMetrics> steps,
            List<LayerSpread> weights,
            ConfusionSummary confusion,
            FoldRunRow.TrainedBy trainedBy) {}

    static ExperimentReport of(
            ExperimentDetail detail,
            List<ReproductionRow> reproductions,
            List<ExportRow> exports,
            ProvenanceJson json,
            Traces traces,
            List<TrialSearchRow> search) {
        Map<Long, TrialSearchRow> searched = search.stream().collect(Collectors.toMap(TrialSearchRow::trialId, r -> r));
        ExperimentRow e = detail.experiment();
        Experiment experiment = new Experiment(
                e.id(),
                e.name(),
                e.seed(),
                e.specHash(),
                json.tree(e.specJson()),
                e.status().value(),
                e.metric(),
                e.goal(),
                e.createdAt(),
                e.finishedAt(),
                json.tree(e.provenanceJson()),
                e.inferenceBatch(),
                e.kernels());
        Map<Long, ReproductionRow> latest =
                reproductions.stream().collect(Collectors.toMap(ReproductionRow::trialId, r -> r, (a, b) -> b));
        List<TestReport> tests = traces.tests().stream()
                .map(d -> new TestReport(
                        d.exportId(), d.trialIndex(), d.fold(), ConfusionSummary.of(d.confusion(), 1), d.mistakes()))
                .toList();
        Map<Long, Integer> ranks =
                Ranking.ranks(detail.trials().stream().map(TrialDetail::trial).toList(), e.maximize());
        return new ExperimentReport(
                experiment,
                detail.trials().stream()
                        .map(t -> trial(
                                t,
                                ranks.get(t.trial().id()),
                                latest.get(t.trial().id()),
                                json,
                                traces,
                                e.metric(),
                                searched.get(t.trial().id())))
                        .toList(),
                detail.refit() == null ? null : detail.refit().refit(),
                exports,
                tests);
    }

    private static Trial trial(
            TrialDetail detail,
            Integer rank,
            ReproductionRow r,
            ProvenanceJson json,
            Traces traces,
            String metric,
            TrialSearchRow search) {
        TrialRow t = detail.trial();
        List<Fold> folds = detail.folds().stream().map(f -> fold(f, traces)).toList();
        Reproduction reproduction =
                r == null ? null : new Reproduction(r.fold(), r.outcome(), r.detail(), r.parallel(), r.verifiedAt());
        return new Trial(
                t.index(),
                numbers(t.params()),
                t.seed(),
                t.status().value(),
                t.error(),
                ShownScore.of(t.score(), metric),
                rank,
                folds,
                json.tree(t.provenanceJson()),
                reproduction,
                Traces.outOfFold(detail.folds(), traces.confusions()),
                traces.alarmingTrials().contains(t.id()),
                search == null ? null : search.prunedAtEpoch(),
                search == null || search.rungEpoch() == null
                        ? null
                        : new RungScore(search.rungEpoch(), search.rungScore()),
                search == null || search.batchIndex() == null
                        ? null
                        : new Proposal(search.batchIndex(), search.proposer()));
    }

    private static Fold fold(FoldRunRow f, Traces traces) {
        ConfusionMatrix confusion = traces.confusions().get(f.id());
        return new Fold(
                f.fold(),
                f.seed(),
                f.status().value(),
                f.error(),
                f.epochs(),
                traces.steps().getOrDefault(f.id(), List.of()),
                traces.weights().getOrDefault(f.id(), List.of()),
                confusion == null ? null : ConfusionSummary.of(confusion, 1),
                f.trainedBy());
    }

    /** Integral parameter values print as integers (filters: 16, not 16.0). */
    public static Map<String, Number> numbers(Map<String, Double> params) {
        Map<String, Number> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) v.longValue() : v));
        return out;
    }
}
