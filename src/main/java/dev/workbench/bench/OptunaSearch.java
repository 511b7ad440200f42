package dev.workbench.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The peer of {@code bench search}: {@code optuna_search.py} (shipped in the jar beside
 * {@code torch_bench.py}, whose model code it uses) run by a Python that can import optuna and torch, one
 * process per study, with all CPU threads.
 */
final class OptunaSearch {

    private final String python;
    private final Path workDir;
    private final ObjectMapper json = BenchJson.mapper();
    private int studies;

    private OptunaSearch(String python, Path workDir) {
        this.python = python;
        this.workDir = workDir;
    }

    /** A runner for {@code python}, or empty with the reason when it cannot import optuna and torch. */
    static Optional<OptunaSearch> find(String python, Path workDir, StringBuilder reason) {
        try {
            ProcessRun.run(
                    List.of(python, "-c", "import optuna, torch"), Map.of(), workDir.resolve("optuna-check.log"));
            return Optional.of(new OptunaSearch(python, workDir));
        } catch (BenchException e) {
            reason.append(python)
                    .append(" cannot import optuna and torch (on Debian: apt-get install python3-optuna"
                            + " python3-torch)");
            return Optional.empty();
        }
    }

    /** Runs one study; {@code name} labels its table row. */
    SearchRun run(String name, long seed, Map<String, Object> plan) {
        int study = ++studies;
        Path planFile = workDir.resolve("optuna-plan-" + study + ".json");
        try {
            for (String script : List.of("optuna_search.py", "torch_bench.py")) {
                copy("/python/" + script, workDir.resolve(script));
            }
            json.writeValue(planFile.toFile(), plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double launched = System.currentTimeMillis() / 1e3;
        ProcessRun.Result result = ProcessRun.run(
                List.of(python, workDir.resolve("optuna_search.py").toString(), planFile.toString()),
                Map.of("PYTHONWARNINGS", "ignore"),
                workDir.resolve("optuna-" + study + ".log"));
        return parse(name, seed, launched, result);
    }

    private SearchRun parse(String name, long seed, double launched, ProcessRun.Result result) {
        List<SearchRun.Reached> reached = new ArrayList<>();
        long epochs = 0;
        for (String line : result.output().split("\n")) {
            JsonNode trial = trialLine(line);
            if (trial == null) {
                continue;
            }
            epochs += trial.get("epochs").asLong();
            if (!trial.get("pruned").asBoolean() && trial.get("score").isNumber()) {
                reached.add(new SearchRun.Reached(
                        trial.get("score").asDouble(),
                        trial.get("finished_unix").asDouble() - launched,
                        epochs));
            }
        }
        return new SearchRun(name, seed, reached.size(), epochs, result.seconds(), reached);
    }

    private JsonNode trialLine(String line) {
        if (!line.startsWith("{\"trial\"")) {
            return null;
        }
        try {
            return json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BenchException("optuna_search.py printed a bad trial line: " + line);
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = OptunaSearch.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new BenchException("the jar lacks " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
