package dev.workbench.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.spec.ParamSpec;
import dev.workbench.spec.SearchSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateGeneratorTest {

    private static ParamSpec values(Double... v) {
        return new ParamSpec(List.of(v), null, null, null, null, null);
    }

    private static ParamSpec range(double min, double max, ParamSpec.Scale scale, ParamSpec.Type type, Integer points) {
        return new ParamSpec(null, min, max, scale, type, points);
    }

    private static SearchSpec search(SearchSpec.Strategy strategy, Integer max, Map<String, ParamSpec> params) {
        return new SearchSpec(strategy, max, params);
    }

    @Test
    void grid_is_the_full_cartesian_product_first_parameter_fastest() {
        Map<String, ParamSpec> p = new LinkedHashMap<>();
        p.put("lr", values(0.1, 0.01));
        p.put("filters", values(8.0, 16.0, 32.0));
        List<Candidate> c = CandidateGenerator.generate(search(SearchSpec.Strategy.GRID, null, p), 1);
        assertThat(c).hasSize(6);
        assertThat(c).extracting(Candidate::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(c.get(0).params()).containsExactly(Map.entry("lr", 0.1), Map.entry("filters", 8.0));
        assertThat(c.get(1).params()).containsExactly(Map.entry("lr", 0.01), Map.entry("filters", 8.0));
        assertThat(c.get(5).params()).containsExactly(Map.entry("lr", 0.01), Map.entry("filters", 32.0));
        assertThat(c).extracting(Candidate::params).doesNotHaveDuplicates();
    }

    @Test
    void grid_over_ranges_uses_grid_points_linear_log_and_int() {
        Map<String, ParamSpec> p = new LinkedHashMap<>();
        p.put("lr", range(1e-4, 1e-2, ParamSpec.Scale.LOG, null, 3));
        p.put("units", range(10, 20, null, ParamSpec.Type.INT, 4));
        List<Candidate> c = CandidateGenerator.generate(search(SearchSpec.Strategy.GRID, null, p), 1);
        assertThat(c).hasSize(12);
        assertThat(c.stream().map(x -> x.params().get("lr")).distinct().toList())
                .satisfiesExactly(
                        a -> assertThat(a).isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-12)),
                        b -> assertThat(b).isCloseTo(1e-3, org.assertj.core.data.Offset.offset(1e-12)),
                        d -> assertThat(d).isEqualTo(1e-2));
        assertThat(c.stream().map(x -> x.params().get("units")).distinct().toList())
                .containsExactly(10.0, 13.0, 17.0, 20.0);
    }

    @Test
    void random_search_is_seeded_bounded_and_log_uniform_values_positive() {
        Map<String, ParamSpec> p = new LinkedHashMap<>();
        p.put("lr", range(1e-4, 1e-2, ParamSpec.Scale.LOG, null, null));
        p.put("dropout", range(0.0, 0.5, null, null, null));
        p.put("units", range(16, 256, null, ParamSpec.Type.INT, null));
        p.put("kernel", values(3.0, 5.0));
        SearchSpec s = search(SearchSpec.Strategy.RANDOM, 25, p);
        List<Candidate> a = CandidateGenerator.generate(s, 42);
        List<Candidate> b = CandidateGenerator.generate(s, 42);
        List<Candidate> other = CandidateGenerator.generate(s, 43);
        assertThat(a).hasSize(25).isEqualTo(b).isNotEqualTo(other);
        for (Candidate c : a) {
            assertThat(c.params().get("lr")).isBetween(1e-4, 1e-2);
            assertThat(c.params().get("dropout")).isBetween(0.0, 0.5);
            assertThat(c.params().get("units")).isBetween(16.0, 256.0).satisfies(u -> assertThat(u % 1)
                    .isZero());
            assertThat(c.params().get("kernel")).isIn(3.0, 5.0);
        }
        long smallLr = a.stream().filter(c -> c.params().get("lr") < 1e-3).count();
        assertThat(smallLr)
                .as("log-uniform puts about half the draws below the geometric midpoint")
                .isBetween(5L, 20L);
    }

    @Test
    void three_parameters_sharing_one_value_list_give_the_full_grid() {
        Map<String, ParamSpec> p = new LinkedHashMap<>();
        p.put("conv1_filters", values(8.0, 16.0));
        p.put("conv2_filters", values(8.0, 16.0));
        p.put("dense_units", values(8.0, 16.0));
        List<Candidate> c = CandidateGenerator.generate(search(SearchSpec.Strategy.GRID, null, p), 1);
        assertThat(c).hasSize(8);
        assertThat(c).extracting(Candidate::params).doesNotHaveDuplicates();
        assertThat(c.get(1).params())
                .containsExactly(
                        Map.entry("conv1_filters", 16.0),
                        Map.entry("conv2_filters", 8.0),
                        Map.entry("dense_units", 8.0));
    }

    @Test
    void random_search_draws_parameters_sharing_a_list_or_range_independently() {
        Map<String, ParamSpec> p = new LinkedHashMap<>();
        p.put("a", values(8.0, 16.0));
        p.put("b", values(8.0, 16.0));
        p.put("c", values(8.0, 16.0));
        p.put("drop1", range(0.0, 0.5, null, null, null));
        p.put("drop2", range(0.0, 0.5, null, null, null));
        List<Candidate> c = CandidateGenerator.generate(search(SearchSpec.Strategy.RANDOM, 40, p), 3);
        assertThat(c).hasSize(40);
        assertThat(c).anyMatch(x -> !x.params().get("a").equals(x.params().get("b")));
        assertThat(c).anyMatch(x -> !x.params().get("b").equals(x.params().get("c")));
        assertThat(c).allMatch(x -> !x.params().get("drop1").equals(x.params().get("drop2")));
    }

    @Test
    void single_value_lists_anywhere_in_the_grid_are_kept_in_every_candidate() {
        Map<String, ParamSpec> p = new LinkedHashMap<>();
        p.put("lr", values(0.1));
        p.put("kernel", values(3.0, 5.0));
        p.put("units", values(64.0));
        p.put("filters", values(8.0, 16.0));
        List<Candidate> c = CandidateGenerator.generate(search(SearchSpec.Strategy.GRID, null, p), 1);
        assertThat(c).hasSize(4).extracting(Candidate::params).doesNotHaveDuplicates();
        assertThat(c.get(3).params())
                .containsExactly(
                        Map.entry("lr", 0.1),
                        Map.entry("kernel", 5.0),
                        Map.entry("units", 64.0),
                        Map.entry("filters", 16.0));

        Map<String, ParamSpec> fixed = new LinkedHashMap<>();
        fixed.put("lr", values(0.1));
        fixed.put("units", values(64.0));
        assertThat(CandidateGenerator.generate(search(SearchSpec.Strategy.GRID, null, fixed), 1))
                .containsExactly(new Candidate(
                        0,
                        fixed.entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        Map.Entry::getKey,
                                        e -> e.getValue().values().get(0)))));
        assertThat(CandidateGenerator.generate(search(SearchSpec.Strategy.RANDOM, 5, p), 1))
                .hasSize(5)
                .allSatisfy(x -> assertThat(x.params()).containsEntry("lr", 0.1).containsEntry("units", 64.0));
    }

    @Test
    void no_parameters_means_one_empty_candidate() {
        assertThat(CandidateGenerator.generate(SearchSpec.single(), 7)).containsExactly(new Candidate(0, Map.of()));
    }
}
