package dev.workbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.ShownScore;
import dev.workbench.store.ExperimentDetail;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.ExportRow;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.Refit;
import dev.workbench.store.ReproductionRow;
import dev.workbench.store.TrialDetail;
import dev.workbench.store.TrialRow;
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
public record ExperimentReport(Experiment experiment, List<Trial> trials, Refit refit, List<ExportRow> exports) {

    public ExperimentReport {
        trials = List.copyOf(trials);
        exports = List.copyOf(exports);
    }

    /** The experiment's identity, spec and state. */
    public record Experiment(long id, String name, long seed, String specSha256, JsonNode spec, String status,
                             String metric, String goal, Instant createdAt, Instant finishedAt, JsonNode provenance) {}

    /**
     * One trial with its score summary over folds and every fold's curves.
     *
     * @param provenance   {@code TrialProvenance}; null before the trial is done or for trials of older versions
     * @param reproduction the latest {@code workbench reproduce} of the trial; null if never reproduced
     */
    public record Trial(int index, Map<String, Number> params, long seed, String status, String error,
                        ShownScore score, List<Fold> folds, JsonNode provenance, Reproduction reproduction) {}

    /** The outcome of the latest reproduction of a trial; {@code fold} null when all folds were re-run. */
    public record Reproduction(Integer fold, String outcome, String detail, int parallel, Instant verifiedAt) {}

    /** One fold run: its seed, state and per-epoch metrics. */
    public record Fold(int fold, long seed, String status, String error, List<EpochMetrics> epochs) {}

    static ExperimentReport of(ExperimentDetail detail, List<ReproductionRow> reproductions, List<ExportRow> exports,
                               ProvenanceJson json) {
        ExperimentRow e = detail.experiment();
        Experiment experiment = new Experiment(e.id(), e.name(), e.seed(), e.specHash(), json.tree(e.specJson()),
                e.status().value(), e.metric(), e.goal(), e.createdAt(), e.finishedAt(), json.tree(e.provenanceJson()));
        Map<Long, ReproductionRow> latest = reproductions.stream()
                .collect(Collectors.toMap(ReproductionRow::trialId, r -> r, (a, b) -> b));
        return new ExperimentReport(experiment, detail.trials().stream()
                .map(t -> trial(t, latest.get(t.trial().id()), json, e.metric())).toList(),
                detail.refit() == null ? null : detail.refit().refit(), exports);
    }

    private static Trial trial(TrialDetail detail, ReproductionRow r, ProvenanceJson json, String metric) {
        TrialRow t = detail.trial();
        List<Fold> folds = detail.folds().stream().map(ExperimentReport::fold).toList();
        Reproduction reproduction = r == null ? null
                : new Reproduction(r.fold(), r.outcome(), r.detail(), r.parallel(), r.verifiedAt());
        return new Trial(t.index(), numbers(t.params()), t.seed(), t.status().value(), t.error(), ShownScore.of(t.score(), metric), folds,
                json.tree(t.provenanceJson()), reproduction);
    }

    private static Fold fold(FoldRunRow f) {
        return new Fold(f.fold(), f.seed(), f.status().value(), f.error(), f.epochs());
    }

    /** Integral parameter values print as integers (filters: 16, not 16.0). */
    public static Map<String, Number> numbers(Map<String, Double> params) {
        Map<String, Number> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) v.longValue() : v));
        return out;
    }
}
