package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workbench.testing.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One end-to-end run on real MNIST, when {@code data/mnist} has been fetched (see {@link Required}). */
@Tag("slow")
class RealMnistRunTest {

    @TempDir
    Path dir;

    @Test
    void a_small_search_on_real_mnist_learns_the_digits() throws Exception {
        Required.that(
                Files.isRegularFile(Path.of("data/mnist/train-images-idx3-ubyte")),
                "data/mnist",
                "./workbench data fetch mnist (./test fetches it)");
        Path spec = Files.writeString(
                dir.resolve("mnist-small.yaml"),
                """
                name: mnist-small
                seed: 3
                data: {dataset: mnist, train_subset: 1000}
                cv: {folds: 2}
                model:
                  input: {height: 28, width: 28}
                  layers:
                    - conv: {filters: 8, kernel: 5, padding: same}
                    - maxpool: {size: 2}
                    - dense: {units: 32}
                    - output: {classes: 10}
                training: {optimizer: adam, learning_rate: 0.003, batch_size: 64, epochs: 2}
                refit: true
                """);
        CliHarness cli = new CliHarness(dir);
        String db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        CliHarness.Result r = cli.run("run", spec.toString(), "--db", db, "--data-dir", "data");
        assertThat(r.exitCode()).as(r.err()).isZero();
        CliHarness.Result show = cli.run("show", "mnist-small", "--json", "--db", db);
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(show.out());
        assertThat(doc.at("/trials/0/score/mean").asDouble()).isGreaterThan(0.6);
        assertThat(doc.at("/refit/test_accuracy").asDouble()).isGreaterThan(0.7);
    }
}
