package dev.workbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code search.tpe} and {@code search.pruning}: defaults, and each bad value named by field and line. */
class AdaptiveSpecTest {

    private static final String TEMPLATE =
            """
            name: adaptive
            seed: 7
            data: {dataset: mnist, train_subset: 300}
            cv: {folds: 3}
            search:
              strategy: STRATEGY
            EXTRA
              parameters:
                lr: {min: 0.0001, max: 0.1, scale: log}
                filters: {values: [4, 8]}
            model:
              input: {height: 28, width: 28, channels: 1}
              layers:
                - conv: {filters: ${filters}, kernel: 5}
                - output: {classes: 10}
            training: {optimizer: adam, learning_rate: ${lr}, batch_size: 32, epochs: EPOCHS}
            objective: {metric: val_accuracy, goal: maximize}
            """;

    private final SpecLoader loader = new SpecLoader();

    static String spec(String strategy, String extra, String epochs) {
        return TEMPLATE.replace("STRATEGY", strategy).replace("EXTRA", extra).replace("EPOCHS", epochs);
    }

    @Test
    void tpe_without_settings_has_the_documented_defaults() {
        SearchSpec s = loader.parse(spec("tpe", "  max_trials: 12", "2"), "a.yaml")
                .spec()
                .search();
        assertThat(s.strategy()).isEqualTo(SearchSpec.Strategy.TPE);
        TpeSpec t = s.tpeOrDefaults();
        assertThat(t.startupTrialsOrDefault()).isEqualTo(10);
        assertThat(t.batchOrDefault()).isEqualTo(4);
        assertThat(t.candidatesOrDefault()).isEqualTo(24);
        assertThat(t.gammaOrDefault()).isEqualTo(0.25);
    }

    @Test
    void halving_settings_are_read_and_defaulted() {
        SearchSpec s = loader.parse(spec("random", "  max_trials: 9\n  pruning: {method: halving}", "9"), "a.yaml")
                .spec()
                .search();
        assertThat(s.pruning().method()).isEqualTo(PruningSpec.Method.HALVING);
        assertThat(s.pruning().minEpochsOrDefault()).isEqualTo(1);
        assertThat(s.pruning().reductionFactorOrDefault()).isEqualTo(3);
        SearchSpec t = loader.parse(
                        spec(
                                "tpe",
                                "  max_trials: 9\n  tpe: {startup_trials: 3, batch: 2, candidates: 50,"
                                        + " gamma: 0.3}",
                                "2"),
                        "b.yaml")
                .spec()
                .search();
        assertThat(t.tpe()).isEqualTo(new TpeSpec(3, 2, 50, 0.3));
    }

    @Test
    void existing_specs_keep_their_hash() {
        String plain = spec("random", "  max_trials: 4", "2");
        assertThat(loader.parse(plain, "a.yaml").canonicalJson())
                .doesNotContain("tpe")
                .doesNotContain("pruning");
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(spec("tpe", "", "2"), "search.max_trials", 5, "required for tpe search"),
                Arguments.of(
                        spec("tpe", "  max_trials: 9\n  tpe: {batch: 0}", "2"), "search.tpe.batch", 8, "at least 1"),
                Arguments.of(
                        spec("tpe", "  max_trials: 9\n  tpe: {gamma: 1.5}", "2"),
                        "search.tpe.gamma",
                        8,
                        "between 0 and 1"),
                Arguments.of(
                        spec("tpe", "  max_trials: 9\n  tpe: {startup_trials: 0}", "2"),
                        "search.tpe.startup_trials",
                        8,
                        "at least 1"),
                Arguments.of(
                        spec("tpe", "  max_trials: 9\n  tpe: {sigma: 2}", "2"),
                        "search.tpe.sigma",
                        8,
                        "unknown key 'sigma'"),
                Arguments.of(
                        spec("random", "  max_trials: 9\n  tpe: {batch: 2}", "2"),
                        "search.tpe",
                        8,
                        "strategy tpe only"),
                Arguments.of(
                        spec("tpe", "  max_trials: 9\n  pruning: {method: halving}", "3"),
                        "search.pruning",
                        8,
                        "cannot be combined with strategy tpe"),
                Arguments.of(
                        spec("random", "  max_trials: 9\n  pruning: {method: halving, min_epochs: 3}", "3"),
                        "search.pruning.min_epochs",
                        8,
                        "below training.epochs (3)"),
                Arguments.of(
                        spec("random", "  max_trials: 9\n  pruning: {method: halving, reduction_factor: 1}", "3"),
                        "search.pruning.reduction_factor",
                        8,
                        "at least 2"),
                Arguments.of(
                        spec("random", "  max_trials: 9\n  pruning: {min_epochs: 1}", "3"),
                        "search.pruning.method",
                        8,
                        "required"),
                Arguments.of(
                        spec("random", "  max_trials: 9\n  pruning: {method: median}", "3"),
                        "search.pruning.method",
                        8,
                        "median"),
                Arguments.of(
                        spec("random", "  max_trials: 9\n  pruning: {method: halving, rungs: 2}", "3"),
                        "search.pruning.rungs",
                        8,
                        "unknown key 'rungs'"));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void bad_adaptive_settings_name_field_and_line(String text, String field, int line, String problem) {
        assertThatThrownBy(() -> loader.parse(text, "bad.yaml"))
                .isInstanceOfSatisfying(SpecException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.exitCode()).isEqualTo(2);
                })
                .hasMessageContaining(problem);
    }

    @Test
    void pruning_refuses_epochs_from_a_parameter_and_early_stopping() {
        String byParam = spec("random", "  max_trials: 9\n  pruning: {method: halving}", "${ep}")
                .replace("filters: {values: [4, 8]}", "filters: {values: [4, 8]}\n    ep: {values: [2, 3]}");
        assertThatThrownBy(() -> loader.parse(byParam, "p.yaml"))
                .hasMessageContaining("training.epochs")
                .hasMessageContaining("must be a number with search.pruning");
        String early = spec("random", "  max_trials: 9\n  pruning: {method: halving}", "3")
                .replace("epochs: 3}", "epochs: 3, early_stopping: {metric: val_loss, patience: 1}}");
        assertThatThrownBy(() -> loader.parse(early, "e.yaml"))
                .hasMessageContaining("training.early_stopping")
                .hasMessageContaining("cannot be combined with search.pruning");
    }
}
