package dev.workbench.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.spec.ParamSpec;
import dev.workbench.spec.SearchSpec;
import dev.workbench.spec.TpeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sampler on a synthetic objective, no training: proposals concentrate where the good trials are. */
class TpeSamplerTest {

    private static final Map<String, ParamSpec> SPACE = new LinkedHashMap<>(Map.of());

    static {
        SPACE.put("x", new ParamSpec(null, 0.0, 10.0, ParamSpec.Scale.LINEAR, ParamSpec.Type.FLOAT, null));
        SPACE.put("lr", new ParamSpec(null, 1e-5, 1e-1, ParamSpec.Scale.LOG, ParamSpec.Type.FLOAT, null));
        SPACE.put("units", new ParamSpec(null, 8.0, 128.0, ParamSpec.Scale.LINEAR, ParamSpec.Type.INT, null));
        SPACE.put("kernel", new ParamSpec(List.of(3.0, 5.0, 7.0, 9.0), null, null, null, null, null));
    }

    private static final SearchSpec SEARCH =
            new SearchSpec(SearchSpec.Strategy.TPE, 60, SPACE, null, new TpeSpec(12, 4, 24, 0.25), null);

    /** Best (0) at x = 7, lr = 1e-3, kernel = 5; units does not matter. */
    static double objective(Map<String, Double> p) {
        double dx = p.get("x") - 7;
        double dl = Math.log10(p.get("lr")) + 3;
        return dx * dx + 4 * dl * dl + (p.get("kernel") == 5.0 ? 0 : 5);
    }

    private static List<TpeSampler.Observation> search(long seed) {
        List<TpeSampler.Observation> seen = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 12; i++) {
            Map<String, Double> p = new LinkedHashMap<>();
            p.put("x", 10 * random.nextDouble());
            p.put("lr", Math.exp(Math.log(1e-5) + random.nextDouble() * (Math.log(1e-1) - Math.log(1e-5))));
            p.put("units", (double) (8 + random.nextInt(121)));
            p.put("kernel", List.of(3.0, 5.0, 7.0, 9.0).get(random.nextInt(4)));
            seen.add(new TpeSampler.Observation(i, p, objective(p)));
        }
        TpeSampler sampler = new TpeSampler(SEARCH);
        for (int batch = 1; seen.size() < 60; batch++) {
            for (Map<String, Double> p : sampler.propose(seen, false, seed, batch, 4)) {
                seen.add(new TpeSampler.Observation(seen.size(), p, objective(p)));
            }
        }
        return seen;
    }

    @Test
    void proposalsConcentrateNearTheOptimumAndBeatRandomSampling() {
        List<TpeSampler.Observation> seen = search(3);
        List<TpeSampler.Observation> startup = seen.subList(0, 12);
        List<TpeSampler.Observation> late = seen.subList(36, 60);
        assertThat(mean(late))
                .as("late proposals beat the random startup by far")
                .isLessThan(mean(startup) / 4);
        long nearX =
                late.stream().filter(o -> Math.abs(o.params().get("x") - 7) < 2).count();
        long kernel5 =
                late.stream().filter(o -> o.params().get("kernel") == 5.0).count();
        assertThat(nearX).as("x within 2 of 7 (a fifth of the range)").isGreaterThan(late.size() / 2);
        assertThat(kernel5).as("the good kernel").isGreaterThan(late.size() / 2);
    }

    @Test
    void proposalsRespectTypesBoundsAndValueLists() {
        for (TpeSampler.Observation o : search(5)) {
            Map<String, Double> p = o.params();
            assertThat(p.keySet()).containsExactly("x", "lr", "units", "kernel");
            assertThat(p.get("x")).isBetween(0.0, 10.0);
            assertThat(p.get("lr")).isBetween(1e-5, 1e-1);
            assertThat(p.get("units")).isBetween(8.0, 128.0).isEqualTo(Math.rint(p.get("units")));
            assertThat(p.get("kernel")).isIn(3.0, 5.0, 7.0, 9.0);
        }
    }

    @Test
    void aBatchDependsOnlyOnTheSeedTheBatchAndEarlierResults() {
        List<TpeSampler.Observation> seen = search(7).subList(0, 20);
        TpeSampler sampler = new TpeSampler(SEARCH);
        assertThat(sampler.propose(seen, false, 7, 3, 4))
                .isEqualTo(new TpeSampler(SEARCH).propose(seen, false, 7, 3, 4))
                .isNotEqualTo(sampler.propose(seen, false, 7, 4, 4))
                .isNotEqualTo(sampler.propose(seen, false, 8, 3, 4));
        List<TpeSampler.Observation> reordered = new ArrayList<>(seen);
        java.util.Collections.reverse(reordered);
        assertThat(sampler.propose(reordered, false, 7, 3, 4))
                .as("order of arrival does not matter")
                .isEqualTo(sampler.propose(seen, false, 7, 3, 4));
    }

    @Test
    void maximizingMirrorsMinimizing() {
        List<TpeSampler.Observation> seen = search(9).subList(0, 24);
        List<TpeSampler.Observation> negated = seen.stream()
                .map(o -> new TpeSampler.Observation(o.trialIndex(), o.params(), -o.objective()))
                .toList();
        TpeSampler sampler = new TpeSampler(SEARCH);
        assertThat(sampler.propose(negated, true, 9, 2, 4)).isEqualTo(sampler.propose(seen, false, 9, 2, 4));
    }

    @Test
    void rungsAreMinEpochsTimesPowersOfTheFactorBelowTheEpochs() {
        assertThat(HalvingSchedule.rungs(1, 3, 9)).containsExactly(1, 3);
        assertThat(HalvingSchedule.rungs(1, 3, 10)).containsExactly(1, 3, 9);
        assertThat(HalvingSchedule.rungs(2, 2, 16)).containsExactly(2, 4, 8);
        assertThat(HalvingSchedule.rungs(1, 4, 2)).containsExactly(1);
        assertThat(HalvingSchedule.rungs(3, 3, 4)).containsExactly(3);
    }

    private static double mean(List<TpeSampler.Observation> o) {
        return o.stream()
                .mapToDouble(TpeSampler.Observation::objective)
                .average()
                .orElseThrow();
    }
}
