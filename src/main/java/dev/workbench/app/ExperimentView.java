package dev.workbench.app;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.workbench.StoreException;
import dev.workbench.app.TrialLines.TrialLine;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.ExperimentSummary;
import dev.workbench.store.Refit;
import dev.workbench.store.RefitRow;
import dev.workbench.store.Store;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The experiment page's data: the experiment, its progress, parameters and leaderboard. */
public final class ExperimentView {

    /** 2^53 - 1: JavaScript numbers hold integers exactly up to here. */
    private static final BigInteger MAX_SAFE_INTEGER = BigInteger.valueOf((1L << 53) - 1);

    /** Everything the experiment page shows except curves; {@code queue} has its work queue and workers. */
    public record Page(
            Info experiment,
            Progress progress,
            List<Parameter> parameters,
            List<TrialLine> trials,
            RefitLine refit,
            QueueView.Queue queue) {}

    /** The experiment's refit as the API shows it: {@link Refit} with its seed as a string. */
    public record RefitLine(
            int trialIndex,
            @JsonFormat(shape = JsonFormat.Shape.STRING) long seed,
            String status,
            String error,
            int epochs,
            Double testLoss,
            Double testAccuracy,
            double seconds) {

        static RefitLine of(Refit r) {
            return new RefitLine(
                    r.trialIndex(),
                    r.seed(),
                    r.status().value(),
                    r.error(),
                    r.epochs(),
                    r.testLoss(),
                    r.testAccuracy(),
                    r.seconds());
        }
    }

    /** The experiment's identity, spec and provenance. */
    public record Info(
            long id,
            String name,
            @JsonFormat(shape = JsonFormat.Shape.STRING) long seed,
            String strategy,
            String metric,
            String goal,
            String status,
            Instant createdAt,
            Instant finishedAt,
            String specSha256,
            JsonNode spec,
            JsonNode provenance) {}

    /** How far a run has got; {@code epochs_recorded} grows with every finished epoch. */
    public record Progress(
            String status, int trialsTotal, int trialsDone, int trialsFailed, long epochsRecorded, Double bestScore) {}

    /**
     * A search parameter as the trials took it.
     *
     * @param varying true when the trials took more than one value
     * @param scale   {@code log} or {@code linear}, from the spec
     */
    public record Parameter(String name, boolean varying, List<Double> values, String scale) {}

    private ExperimentView() {}

    static Page page(Store store, long id, ObjectMapper json) {
        ExperimentRow e = experiment(store, id);
        JsonNode spec = parse(json, e.specJson());
        Info info = new Info(
                e.id(),
                e.name(),
                e.seed(),
                e.strategy(),
                e.metric(),
                e.goal(),
                e.status().value(),
                e.createdAt(),
                e.finishedAt(),
                e.specHash(),
                spec,
                e.provenanceJson() == null ? null : parse(json, e.provenanceJson()));
        List<TrialLine> trials = TrialLines.of(store, e);
        RefitRow refit = store.refits().find(id).orElse(null);
        return new Page(
                info,
                progress(store, id),
                parameters(trials, spec),
                trials,
                refit == null ? null : RefitLine.of(refit.refit()),
                QueueView.of(store, id));
    }

    static Progress progress(Store store, long id) {
        ExperimentSummary s =
                store.experiments().summary(id).orElseThrow(() -> new NotFoundException("no experiment with id " + id));
        return new Progress(
                s.status().value(),
                s.trialsTotal(),
                s.trialsDone(),
                s.trialsFailed(),
                store.foldRuns().countEpochs(id),
                s.bestScore());
    }

    static ExperimentRow experiment(Store store, long id) {
        return store.experiments().byId(id).orElseThrow(() -> new NotFoundException("no experiment with id " + id));
    }

    private static List<Parameter> parameters(List<TrialLine> trials, JsonNode spec) {
        Set<String> names = new LinkedHashSet<>();
        trials.forEach(t -> names.addAll(t.params().keySet()));
        return names.stream()
                .map(name -> {
                    Set<Double> values = new TreeSet<>();
                    trials.stream()
                            .map(t -> t.params().get(name))
                            .filter(v -> v != null)
                            .forEach(v -> values.add(v.doubleValue()));
                    String scale = spec.path("search")
                            .path("parameters")
                            .path(name)
                            .path("scale")
                            .asText("linear");
                    return new Parameter(name, values.size() > 1, List.copyOf(values), scale);
                })
                .toList();
    }

    /** Stored JSON with integers beyond JavaScript's exact range (seeds) turned into strings. */
    static JsonNode parse(ObjectMapper json, String stored) {
        try {
            return exactInJavaScript(json.readTree(stored));
        } catch (JsonProcessingException e) {
            throw new StoreException("stored JSON is not valid", e);
        }
    }

    private static JsonNode exactInJavaScript(JsonNode node) {
        if (node.isIntegralNumber() && node.bigIntegerValue().abs().compareTo(MAX_SAFE_INTEGER) > 0) {
            return TextNode.valueOf(node.asText());
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> e.setValue(exactInJavaScript(e.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, exactInJavaScript(array.get(i)));
            }
        }
        return node;
    }
}
