package dev.workbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecLoaderTest {

    static final String VALID =
            """
            name: tiny
            seed: 7
            data: {dataset: mnist, train_subset: 300}
            cv: {folds: 3}
            search:
              strategy: grid
              parameters:
                lr: {values: [0.01, 0.001]}
                filters: {values: [4, 8]}
                drop: {min: 0.0, max: 0.5, grid_points: 2}
            model:
              input: {height: 28, width: 28, channels: 1}
              layers:
                - conv: {filters: ${filters}, kernel: 5, padding: valid}
                - maxpool: {size: 2}
                - dense: {units: 16}
                - dropout: {rate: ${drop}}
                - output: {classes: 10}
            training: {optimizer: adam, learning_rate: ${lr}, batch_size: 32, epochs: 2}
            objective: {metric: val_accuracy, goal: maximize}
            refit: true
            """;

    private final SpecLoader loader = new SpecLoader();

    @Test
    void loads_a_valid_spec_with_references_inside_flow_mappings() {
        LoadedSpec loaded = loader.parse(VALID, "tiny.yaml");
        ExperimentSpec spec = loaded.spec();
        assertThat(spec.name()).isEqualTo("tiny");
        assertThat(spec.search().parameters()).containsOnlyKeys("lr", "filters", "drop");
        assertThat(spec.search().parameters().keySet()).containsExactly("lr", "filters", "drop");
        LayerSpec.Conv conv = (LayerSpec.Conv) spec.model().layers().get(0);
        assertThat(conv.filters().ref()).isEqualTo("filters");
        assertThat(conv.stride().literal()).isEqualTo(1.0);
        assertThat(conv.padding()).isEqualTo(LayerSpec.Padding.VALID);
        assertThat(spec.training().learningRate().ref()).isEqualTo("lr");
        assertThat(spec.refit()).isTrue();
        assertThat(loaded.sha256()).hasSize(64);
    }

    @Test
    void hash_ignores_comments_and_layout_but_not_content() {
        String reformatted = "# a comment\n" + VALID.replace("seed: 7", "seed:   7   # fixed");
        assertThat(loader.parse(reformatted, "a").sha256())
                .isEqualTo(loader.parse(VALID, "b").sha256());
        assertThat(loader.parse(VALID.replace("epochs: 2", "epochs: 3"), "c").sha256())
                .isNotEqualTo(loader.parse(VALID, "b").sha256());
    }

    @Test
    void log_every_is_optional_and_absent_from_the_canonical_form_when_not_given() {
        LoadedSpec plain = loader.parse(VALID, "a");
        LoadedSpec logged = loader.parse(VALID.replace("epochs: 2}", "epochs: 2, log_every: 5}"), "b");
        assertThat(plain.spec().training().logEvery()).isNull();
        assertThat(plain.canonicalJson()).doesNotContain("log_every");
        assertThat(logged.spec().training().logEvery()).isEqualTo(5);
        assertThat(logged.sha256()).isNotEqualTo(plain.sha256());
    }

    @Test
    void defaults_objective_goal_from_the_metric() {
        ExperimentSpec spec = loader.parse(
                        VALID.replace("{metric: val_accuracy, goal: maximize}", "{metric: val_loss}"), "x")
                .spec();
        assertThat(spec.objective().maximize()).isFalse();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(
                        "unknown key",
                        VALID.replace("kernel: 5,", "kernal: 5,"),
                        "model.layers[0].conv.kernal",
                        14,
                        "unknown key 'kernal'"),
                Arguments.of(
                        "wrong type",
                        VALID.replace("batch_size: 32", "batch_size: lots"),
                        "training.batch_size",
                        19,
                        "expected a number"),
                Arguments.of(
                        "wrong type int",
                        VALID.replace("folds: 3", "folds: three"),
                        "cv.folds",
                        4,
                        "expected an integer"),
                Arguments.of(
                        "bad range",
                        VALID.replace("{min: 0.0, max: 0.5, grid_points: 2}", "{min: 0.5, max: 0.1, grid_points: 2}"),
                        "search.parameters.drop",
                        10,
                        "empty range"),
                Arguments.of(
                        "empty values",
                        VALID.replace("[0.01, 0.001]", "[]"),
                        "search.parameters.lr.values",
                        8,
                        "is empty"),
                Arguments.of(
                        "grid range without points",
                        VALID.replace(", grid_points: 2", ""),
                        "search.parameters.drop.grid_points",
                        10,
                        "needs grid_points"),
                Arguments.of(
                        "undefined reference",
                        VALID.replace("units: 16", "units: ${width}"),
                        "model.layers[2].dense.units",
                        16,
                        "undefined parameter ${width}"),
                Arguments.of(
                        "impossible architecture",
                        VALID.replace("kernel: 5, padding: valid", "kernel: 29, padding: valid"),
                        "model.layers[0].conv.kernel",
                        14,
                        "larger than its 28x28"),
                Arguments.of(
                        "pool after shrink",
                        VALID.replace("{size: 2}", "{size: 30}"),
                        "model.layers[1].maxpool.size",
                        15,
                        "larger than its 24x24"),
                Arguments.of(
                        "dropout out of range",
                        VALID.replace("max: 0.5", "max: 1.0"),
                        "model.layers[3].dropout.rate",
                        17,
                        "[0, 1)"),
                Arguments.of(
                        "unknown layer",
                        VALID.replace("- dense:", "- dence:"),
                        "model.layers[2]",
                        16,
                        "unknown layer type 'dence'"),
                Arguments.of(
                        "non-integer filters",
                        VALID.replace("[4, 8]", "[4, 8.5]"),
                        "model.layers[0].conv.filters",
                        14,
                        "must be an integer"),
                Arguments.of("folds too few", VALID.replace("folds: 3", "folds: 1"), "cv.folds", 4, "at least 2"),
                Arguments.of(
                        "unused parameter",
                        VALID.replace("rate: ${drop}", "rate: 0.2"),
                        "search.parameters.drop",
                        10,
                        "is not used"),
                Arguments.of(
                        "bad enum",
                        VALID.replace("optimizer: adam", "optimizer: adamw"),
                        "training.optimizer",
                        19,
                        "sgd, adam, nesterovs, rmsprop"),
                Arguments.of(
                        "output not last",
                        VALID.replace("    - output: {classes: 10}\n", "")
                                .replace("    - conv:", "    - output: {classes: 10}\n    - conv:"),
                        "model.layers[0].output",
                        14,
                        "must be the last layer"),
                Arguments.of("missing seed", VALID.replace("seed: 7\n", ""), "seed", 0, "is required"),
                Arguments.of(
                        "log scale non-positive",
                        VALID.replace("{values: [0.01, 0.001]}", "{min: 0.0, max: 0.1, scale: log, grid_points: 3}"),
                        "search.parameters.lr.min",
                        8,
                        "log scale needs min > 0"),
                Arguments.of(
                        "negative log_every",
                        VALID.replace("epochs: 2}", "epochs: 2, log_every: -1}"),
                        "training.log_every",
                        19,
                        "at least 0"),
                Arguments.of(
                        "fractional log_every",
                        VALID.replace("epochs: 2}", "epochs: 2, log_every: 2.5}"),
                        "training.log_every",
                        19,
                        "expected an integer"),
                Arguments.of(
                        "negative validate_every",
                        VALID.replace("epochs: 2}", "epochs: 2, validate_every: -2}"),
                        "training.validate_every",
                        19,
                        "at least 0"),
                Arguments.of(
                        "empty validation sample",
                        VALID.replace("epochs: 2}", "epochs: 2, validate_every: 2, validation_sample: 0}"),
                        "training.validation_sample",
                        19,
                        "at least 1 row"),
                Arguments.of("bad yaml", VALID.replace("seed: 7", "seed: 7\n\t- oops"), "", 2, "not valid YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejects_malformed_specs_naming_field_and_line(
            String what, String yaml, String field, int line, String message) {
        assertThatThrownBy(() -> loader.parse(yaml, "bad.yaml")).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).contains(message).startsWith(line > 0 ? "bad.yaml:" + line : "bad.yaml");
            assertThat(e.exitCode()).isEqualTo(2);
        });
    }

    @Test
    void idx_files_must_exist(@TempDir Path dir) throws Exception {
        Path present = Files.writeString(dir.resolve("x.idx"), "");
        String yaml = VALID.replace(
                "{dataset: mnist, train_subset: 300}",
                "{format: idx, train_images: " + present + ", train_labels: " + present + ", test_images: "
                        + dir.resolve("missing.idx") + ", test_labels: " + present + "}");
        assertThatThrownBy(() -> loader.parse(yaml, "bad.yaml")).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.field()).isEqualTo("data.test_images");
            assertThat(e.getMessage()).contains("no such file").contains("missing.idx");
        });
    }

    @Test
    void missing_spec_file_is_a_user_error(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("no such spec file");
    }

    @Test
    void a_spec_that_is_not_utf8_names_the_byte_offset_line_and_encoding(@TempDir Path dir) throws Exception {
        byte[] latin1 = VALID.replace("name: tiny", "name: tiny\n# r\u00e9sum\u00e9")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.yaml"), latin1);
        int offset = new String(latin1, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\u00e9');
        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage())
                    .contains("not UTF-8")
                    .contains("byte 0xE9 at offset " + offset)
                    .contains("save the spec as UTF-8");
        });
    }

    @Test
    void yaml_anchors_and_aliases_are_refused_by_name() {
        String anchored = VALID.replace("cv: {folds: 3}", "cv: &common {folds: 3}");
        assertThatThrownBy(() -> loader.parse(anchored, "a.yaml")).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.getMessage()).contains("YAML anchor '&common' is not supported");
        });
        String aliased = VALID.replace("    lr: {values: [0.01, 0.001]}", "    lr: &lrs {values: [0.01, 0.001]}")
                .replace("    filters: {values: [4, 8]}", "    filters: *lrs");
        assertThatThrownBy(() -> loader.parse(aliased, "b.yaml")).hasMessageContaining("YAML anchor '&lrs'");
    }

    @Test
    void a_spec_file_over_one_megabyte_is_refused_before_parsing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("huge.yaml"), VALID.replace("name: tiny", "name: " + "x".repeat(3_000_000)));
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.getMessage())
                        .contains("the file is 3,000,")
                        .contains("at most 1,048,576 bytes (1 MB)"));
    }

    @Test
    void epochs_batch_size_and_decay_length_have_upper_bounds() {
        assertThatThrownBy(() -> loader.parse(VALID.replace("epochs: 2", "epochs: 1000000000"), "e.yaml"))
                .hasMessageContaining("training.epochs: must be at most 10000 (can be 1000000000)");
        assertThatThrownBy(() -> loader.parse(VALID.replace("batch_size: 32", "batch_size: 100000"), "b.yaml"))
                .hasMessageContaining("training.batch_size: must be at most 65536");
        assertThatThrownBy(() -> loader.parse(
                        VALID.replace("epochs: 2}", "epochs: 2, lr_decay: {to: 0.001, over_epochs: 2000000000}}"),
                        "d.yaml"))
                .hasMessageContaining("training.lr_decay.over_epochs: must be at most 10000");
        assertThat(loader.parse(
                                VALID.replace("epochs: 2", "epochs: 10000")
                                        .replace("batch_size: 32", "batch_size: 65536"),
                                "ok")
                        .spec()
                        .training()
                        .epochs()
                        .literal())
                .isEqualTo(10000.0);
    }

    @Test
    void every_shipped_experiment_is_valid() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("experiments"))) {
            files.filter(f -> f.toString().endsWith(".yaml"))
                    .forEach(f -> assertThat(loader.load(f).spec().name())
                            .isEqualTo(f.getFileName().toString().replace(".yaml", "")));
        }
    }
}
