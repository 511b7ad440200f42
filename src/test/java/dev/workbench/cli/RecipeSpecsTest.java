package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workbench.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every spec in {@code experiments/} trains: its model template is run for one epoch, one trial and
 * two folds on tiny synthetic MNIST. The recipe files stay as they are; the test rewrites the data,
 * folds, epochs and search size of a copy (a halving recipe keeps a rung: two epochs, the rung after one). A new recipe is covered by dropping it in the folder.
 */
@Tag("slow")
class RecipeSpecsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Path> recipes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("experiments"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void every_recipe_trains_one_epoch_on_tiny_data(Path recipe) throws IOException {
        CliHarness cli = new CliHarness(dir);
        ObjectNode spec =
                (ObjectNode) JSON.readTree(new SpecLoader().load(recipe).canonicalJson());
        shrink(spec, dir.resolve("idx"));
        Path copy = Files.writeString(dir.resolve("recipe.yaml"), JSON.writeValueAsString(spec));

        CliHarness.Result r = cli.runWithDb("run", copy.toString(), "--parallel", "1");

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        JsonNode doc = cli.showJson(spec.get("name").asText());
        assertThat(doc.get("trials")).hasSize(1);
        JsonNode trial = doc.at("/trials/0");
        assertThat(trial.get("status").asText())
                .as(trial.path("error").asText())
                .isEqualTo("done");
        assertThat(trial.get("folds")).hasSize(2);
        assertThat(trial.at("/folds/0/epochs/0/val_accuracy").asDouble()).isBetween(0.0, 1.0);
    }

    /** Synthetic IDX data, two folds, one epoch, no refit, and exactly one candidate. */
    private static void shrink(ObjectNode spec, Path idx) {
        ObjectNode data = spec.putObject("data").put("format", "idx");
        Map.of(
                        "train_images",
                        "train-images-idx3-ubyte",
                        "train_labels",
                        "train-labels-idx1-ubyte",
                        "test_images",
                        "t10k-images-idx3-ubyte",
                        "test_labels",
                        "t10k-labels-idx1-ubyte")
                .forEach((field, name) -> data.put(field, idx.resolve(name).toString()));
        ((ObjectNode) spec.get("cv")).put("folds", 2);
        ((ObjectNode) spec.get("training")).put("epochs", 1);
        spec.put("refit", false);
        ObjectNode search = (ObjectNode) spec.get("search");
        if (search == null) {
            return;
        }
        search.put("max_trials", 1);
        if (search.has("pruning")) { // a rung after epoch 1 of 2: the one trial is ranked, kept and trained on
            ((ObjectNode) spec.get("training")).put("epochs", 2);
            ((ObjectNode) search.get("pruning")).put("min_epochs", 1);
        }
        if ("grid".equals(search.path("strategy").asText())) {
            search.remove("max_trials");
            search.get("parameters").forEach(p -> firstValueOnly((ObjectNode) p));
        }
    }

    private static void firstValueOnly(ObjectNode param) {
        if (param.has("values")) {
            JsonNode first = param.get("values").get(0);
            ((ArrayNode) param.get("values")).removeAll().add(first);
        } else {
            param.put("grid_points", 1);
        }
    }
}
