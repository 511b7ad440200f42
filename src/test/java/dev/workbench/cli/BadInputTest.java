package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadInputTest {

    @TempDir
    Path dir;

    static Stream<Arguments> malformed() {
        String t = CliHarness.TINY;
        return Stream.of(
                Arguments.of(
                        "unknown key",
                        t.replace("batch_size: 32", "batch_sise: 32"),
                        "bad.yaml:18: training",
                        "unknown key 'batch_sise'"),
                Arguments.of(
                        "wrong type",
                        t.replace("folds: 2", "folds: two"),
                        "bad.yaml:5: cv.folds",
                        "expected an integer"),
                Arguments.of(
                        "bad range",
                        t.replace("{values: [0.01, 0.003]}", "{min: 0.1, max: 0.01, grid_points: 2}"),
                        "bad.yaml:9: search.parameters.lr",
                        "empty range"),
                Arguments.of(
                        "undefined param",
                        t.replace("units: 16", "units: ${width}"),
                        "bad.yaml:15: model.layers[2].dense.units",
                        "undefined parameter ${width}"),
                Arguments.of(
                        "impossible architecture",
                        t.replace("{size: 2}", "{size: 25}"),
                        "bad.yaml:14: model.layers[1].maxpool.size",
                        "larger than its 24x24"),
                Arguments.of(
                        "missing file",
                        t.replace("t10k-labels-idx1-ubyte}", "nope-idx1-ubyte}"),
                        "bad.yaml:4: data.test_labels",
                        "no such file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformed_specs_exit_2_naming_field_and_line_and_write_nothing(
            String what, String yaml, String where, String problem) {
        CliHarness cli = new CliHarness(dir);
        CliHarness.Result r = cli.runWithDb("run", cli.spec("bad", yaml).toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains(where)
                .contains(problem)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(cli.runWithDb("list").out()).contains("No experiments yet");
    }

    static Stream<Arguments> hugeSearches() {
        String twenty = java.util.stream.IntStream.rangeClosed(1, 20)
                .mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(", ", "{values: [", "]}"));
        StringBuilder six = new StringBuilder();
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            (i < 6 ? six : ten)
                    .append("    p")
                    .append(i)
                    .append(": ")
                    .append(twenty)
                    .append('\n');
        }
        String t = CliHarness.TINY;
        return Stream.of(
                Arguments.of(
                        "6 x 20 grid",
                        t.replace("    lr: {values: [0.01, 0.003]}\n", six.toString()),
                        "search.parameters",
                        "the grid has 64,000,000 candidates (p0 20 × p1 20"),
                Arguments.of(
                        "10 x 20 grid",
                        t.replace("    lr: {values: [0.01, 0.003]}\n", six.toString() + ten),
                        "search.parameters",
                        "the grid has 10,240,000,000,000 candidates"),
                Arguments.of(
                        "random 2e9",
                        t.replace("strategy: grid", "strategy: random\n  max_trials: 2000000000"),
                        "search.max_trials",
                        "2000000000 trials is more than the limit of 100000"),
                Arguments.of(
                        "raised limit",
                        t.replace("strategy: grid", "strategy: grid\n  max_candidates: 1"),
                        "search.parameters",
                        "the grid has 2 candidates (lr 2), more than the limit of 1"),
                Arguments.of(
                        "limit too high",
                        t.replace("strategy: grid", "strategy: grid\n  max_candidates: 5000000"),
                        "search.max_candidates",
                        "must be between 1 and 1000000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeSearches")
    void searches_above_the_candidate_limit_exit_2_before_any_candidate_is_made(
            String what, String yaml, String field, String problem) {
        CliHarness cli = new CliHarness(dir);
        CliHarness.Result r = cli.runWithDb("run", cli.spec("huge", yaml).toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err())
                .contains(field)
                .contains(problem)
                .contains("max_candidates")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(cli.runWithDb("list").out()).contains("No experiments yet");
    }

    @Test
    void truncated_data_file_exits_1_naming_the_file_and_writes_nothing() throws Exception {
        CliHarness cli = new CliHarness(dir);
        Path images = dir.resolve("idx/train-images-idx3-ubyte");
        byte[] bytes = java.nio.file.Files.readAllBytes(images);
        java.nio.file.Files.write(images, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        CliHarness.Result r =
                cli.runWithDb("run", cli.spec("tiny", CliHarness.TINY).toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .contains("train-images-idx3-ubyte")
                .contains("truncated")
                .doesNotContain("\tat ");
        assertThat(cli.runWithDb("list").out()).contains("No experiments yet");
    }

    @Test
    void missing_spec_file_and_unknown_experiment_exit_2() {
        CliHarness cli = new CliHarness(dir);
        CliHarness.Result missing =
                cli.runWithDb("run", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such spec file");
        CliHarness.Result unknown = cli.runWithDb("show", "ghost");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("ghost");
    }

    @Test
    void bad_arguments_exit_2_and_help_and_version_work() {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("run").exitCode()).isEqualTo(2);
        assertThat(cli.run("frobnicate").exitCode()).isEqualTo(2);
        CliHarness.Result parallel = cli.runWithDb("run", "x.yaml", "--parallel", "zero");
        assertThat(parallel.exitCode()).isEqualTo(2);
        assertThat(parallel.err()).contains("--parallel");
        CliHarness.Result help = cli.run("run", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--parallel").contains("--new");
        CliHarness.Result version = cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("workbench ");
        CliHarness.Result unknownData = cli.runWithDb("data", "fetch", "cifar");
        assertThat(unknownData.exitCode()).isEqualTo(2);
        assertThat(unknownData.err()).contains("unknown dataset 'cifar'");
    }
}
