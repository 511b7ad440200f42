package dev.workbench.app;

import dev.workbench.WorkbenchException;
import dev.workbench.provenance.DataFileHash;
import dev.workbench.provenance.RunProvenance;
import dev.workbench.spec.LoadedSpec;
import dev.workbench.spec.SpecLoader;
import dev.workbench.store.ExperimentRow;
import dev.workbench.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The experiments a worker process has looked at: each is loaded once from its stored spec, with its data
 * read from this machine and every data file's SHA-256 checked against the experiment's provenance. An
 * experiment whose data cannot be read or differs is rejected: the worker claims none of its units.
 * Thread-safe.
 */
final class ServedExperiments {

    /** An experiment this worker can train units of. */
    record Ready(ExperimentRow row, LoadedSpec spec, PreparedData data) {}

    private final Store store;
    private final Path dataDir;
    private final RunListener listener;
    private final Map<Long, Object> prepared = new ConcurrentHashMap<>();

    ServedExperiments(Store store, Path dataDir, RunListener listener) {
        this.store = store;
        this.dataDir = dataDir;
        this.listener = listener;
    }

    /** Serves an experiment whose data this process has already prepared and checked (the run command). */
    void add(long experimentId, LoadedSpec spec, PreparedData data) {
        prepared.put(
                experimentId, new Ready(store.experiments().byId(experimentId).orElseThrow(), spec, data));
    }

    /** The experiment made ready, or null when it is rejected (said once, through the listener). */
    Ready ready(long experimentId) {
        Object entry = prepared.computeIfAbsent(experimentId, this::prepare);
        return entry instanceof Ready r ? r : null;
    }

    /** Why experiments were rejected, one line each. */
    List<String> rejections() {
        return prepared.values().stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .toList();
    }

    private Object prepare(long id) {
        ExperimentRow row = store.experiments().byId(id).orElseThrow();
        try {
            LoadedSpec spec = new SpecLoader().parse(row.specYaml(), "stored spec of '" + row.name() + "'");
            PreparedData data = PreparedData.prepare(spec.spec(), dataDir, listener::downloading);
            List<String> differences = differences(new ProvenanceJson().run(row.provenanceJson()), data);
            if (differences.isEmpty()) {
                return new Ready(row, spec, data);
            }
            return reject(row, String.join("; ", differences));
        } catch (WorkbenchException e) {
            return reject(row, e.getMessage());
        }
    }

    private String reject(ExperimentRow row, String why) {
        String line = "claiming no unit of experiment '" + row.name() + "' (id " + row.id() + "): " + why;
        listener.warning(line);
        return line;
    }

    private static List<String> differences(RunProvenance stored, PreparedData data) {
        List<String> out = new ArrayList<>();
        if (stored == null) {
            return out;
        }
        Map<String, DataFileHash> here = data.fileHashes().stream()
                .collect(Collectors.toMap(DataFileHash::role, Function.identity(), (a, b) -> a));
        for (DataFileHash s : stored.dataFiles()) {
            DataFileHash h = here.get(s.role());
            if (h == null || !h.sha256().equals(s.sha256())) {
                out.add("data file " + s.role() + " has SHA-256 " + (h == null ? "(missing)" : h.sha256())
                        + " on this machine, but the experiment was submitted with " + s.sha256());
            }
        }
        if (out.isEmpty()
                && stored.foldAssignmentSha256() != null
                && !stored.foldAssignmentSha256().equals(data.foldHash())) {
            out.add("the fold assignment differs from the submitted one (" + stored.foldAssignmentSha256() + ")");
        }
        return out;
    }
}
