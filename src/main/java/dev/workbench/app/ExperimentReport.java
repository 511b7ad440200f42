package dev.workbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workbench.metrics.EpochMetrics;
import dev.workbench.metrics.ScoreSummary;
import dev.workbench.store.ExperimentDetail;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.FoldRunRow;
import dev.workbench.store.Refit;
import dev.workbench.store.TrialDetail;
import dev.workbench.store.TrialRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything recorded about one experiment, shaped for {@code show --json} and the leaderboard. */
public record ExperimentReport(Experiment experiment, List<Trial> trials, Refit refit) {

    public ExperimentReport {
        trials = List.copyOf(trials);
    }

    /** The experiment's identity, spec and state. */
    public record Experiment(long id, String name, long seed, String specSha256, JsonNode spec, String status,
                             String metric, String goal, Instant createdAt, Instant finishedAt, JsonNode provenance) {}

    /** One trial with its score summary over folds and every fold's curves. */
    public record Trial(int index, Map<String, Number> params, long seed, String status, String error,
                        ScoreSummary score, List<Fold> folds) {}

    /** One fold run: its seed, state and per-epoch metrics. */
    public record Fold(int fold, long seed, String status, String error, List<EpochMetrics> epochs) {}

    static ExperimentReport of(ExperimentDetail detail, JsonNode spec, JsonNode provenance) {
        ExperimentRow e = detail.experiment();
        Experiment experiment = new Experiment(e.id(), e.name(), e.seed(), e.specHash(), spec, e.status().value(),
                e.metric(), e.goal(), e.createdAt(), e.finishedAt(), provenance);
        return new ExperimentReport(experiment, detail.trials().stream().map(ExperimentReport::trial).toList(),
                detail.refit() == null ? null : detail.refit().refit());
    }

    private static Trial trial(TrialDetail detail) {
        TrialRow t = detail.trial();
        List<Fold> folds = detail.folds().stream().map(ExperimentReport::fold).toList();
        return new Trial(t.index(), numbers(t.params()), t.seed(), t.status().value(), t.error(), t.score(), folds);
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
