package dev.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.testing.SyntheticMnist;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the real command line in-process against a temporary database and synthetic IDX data. */
final class CliHarness {

    /** Output of one command. */
    record Result(int exitCode, String out, String err) {}

    private final Path dir;
    private final String dbUrl;

    CliHarness(Path dir) {
        this.dir = dir;
        this.dbUrl = "jdbc:h2:file:" + dir.resolve("db").resolve("workbench").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        try {
            Files.createDirectories(dir.resolve("idx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SyntheticMnist.write(dir.resolve("idx"), 240, 100, 5);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.create();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code args} followed by the harness's {@code --db} and {@code --data-dir}. */
    Result runWithDb(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--db";
        all[args.length + 1] = dbUrl;
        all[args.length + 2] = "--data-dir";
        all[args.length + 3] = dir.resolve("data").toString();
        return run(all);
    }

    /** Every {@code done/total} epoch count the training progress bar rendered in {@code err}, in order. */
    static java.util.List<String> epochCounts(String err) {
        return java.util.regex.Pattern.compile("(\\d+)/(\\d+) epochs")
                .matcher(err)
                .results()
                .map(m -> m.group(1) + "/" + m.group(2))
                .toList();
    }

    String dbUrl() {
        return dbUrl;
    }

    JsonNode showJson(String name) throws IOException {
        Result r = runWithDb("show", name, "--json");
        if (r.exitCode() != 0) {
            throw new IllegalStateException("show failed: " + r.err());
        }
        return new ObjectMapper().readTree(r.out());
    }

    /** Writes a tiny spec over the synthetic data; {@code edit} may replace parts of the text. */
    Path spec(String name, String yaml) {
        try {
            return Files.writeString(
                    dir.resolve(name + ".yaml"),
                    yaml.replace("IDX", dir.resolve("idx").toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String TINY =
            """
            name: tiny
            seed: 11
            data: {format: idx, train_images: IDX/train-images-idx3-ubyte, train_labels: IDX/train-labels-idx1-ubyte,
                   test_images: IDX/t10k-images-idx3-ubyte, test_labels: IDX/t10k-labels-idx1-ubyte}
            cv: {folds: 2}
            search:
              strategy: grid
              parameters:
                lr: {values: [0.01, 0.003]}
            model:
              input: {height: 28, width: 28, channels: 1}
              layers:
                - conv: {filters: 4, kernel: 5, stride: 1}
                - maxpool: {size: 2}
                - dense: {units: 16}
                - dropout: {rate: 0.2}
                - output: {classes: 10}
            training: {optimizer: adam, learning_rate: ${lr}, batch_size: 32, epochs: 2}
            refit: true
            """;
}
