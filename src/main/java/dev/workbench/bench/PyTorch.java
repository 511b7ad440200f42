package dev.workbench.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PyTorch side of the benchmark: {@code torch_bench.py} (shipped in the jar) run by a Python that
 * can import {@code torch}, one script run per measurement, as the plan's {@link TorchConfig} says.
 */
final class PyTorch {

    private static final String SCRIPT = "/python/torch_bench.py";

    private final String python;
    private final Path workDir;
    private final ObjectMapper json = BenchJson.mapper();

    private PyTorch(String python, Path workDir) {
        this.python = python;
        this.workDir = workDir;
    }

    /**
     * A runner for {@code python}, or empty with the reason when it cannot import torch (the benchmark
     * then reports our side only).
     */
    static Optional<PyTorch> find(String python, Path workDir, StringBuilder reason) {
        try {
            ProcessRun.run(List.of(python, "-c", "import torch"), Map.of(), workDir.resolve("torch-check.log"));
            return Optional.of(new PyTorch(python, workDir));
        } catch (BenchException e) {
            reason.append(python).append(" cannot import torch (on Debian: apt-get install python3-torch)");
            return Optional.empty();
        }
    }

    /** Runs one mode of the script on a plan; the result is the JSON object on its last output line. */
    Measured run(String mode, TorchConfig config, Map<String, Object> plan) {
        Map<String, Object> withConfig = new java.util.LinkedHashMap<>(plan);
        withConfig.put("processes", config.processes());
        withConfig.put("threads", config.threads());
        String name = mode + "-" + config.label();
        Path planFile = workDir.resolve("plan-" + name + ".json");
        Path script = workDir.resolve("torch_bench.py");
        try (InputStream in = PyTorch.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new BenchException("the jar lacks " + SCRIPT);
            }
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            json.writeValue(planFile.toFile(), withConfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessRun.Result result = ProcessRun.run(
                List.of(python, script.toString(), mode, planFile.toString()),
                Map.of("PYTHONWARNINGS", "ignore"),
                workDir.resolve("torch-" + name + ".log"));
        String[] lines = result.output().strip().split("\n");
        try {
            return new Measured(json.readTree(lines[lines.length - 1]), result);
        } catch (JsonProcessingException e) {
            throw new BenchException("torch_bench.py printed no JSON result:\n" + result.output());
        }
    }

    /** The script's JSON answer and the process measurements around it. */
    record Measured(JsonNode answer, ProcessRun.Result process) {}
}
