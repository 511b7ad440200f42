package dev.workbench.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void derivation_is_frozen_because_stored_experiments_are_reproduced_from_it() {
        assertThat(new long[] {Seeds.trial(42, 0), Seeds.fold(42, 3, 1), Seeds.refit(42, 3), Seeds.data(42)})
                .containsExactly(GOLDEN);
    }

    @Test
    void every_trial_fold_and_refit_gets_its_own_seed() {
        Set<Long> seen = new HashSet<>();
        for (int trial = 0; trial < 200; trial++) {
            seen.add(Seeds.trial(7, trial));
            seen.add(Seeds.refit(7, trial));
            for (int fold = 0; fold < 10; fold++) {
                seen.add(Seeds.fold(7, trial, fold));
            }
        }
        seen.add(Seeds.data(7));
        assertThat(seen).hasSize(200 * 12 + 1);
        assertThat(Seeds.fold(7, 0, 0)).isNotEqualTo(Seeds.fold(8, 0, 0));
    }

    /** Seeds of the first experiments stored; changing the derivation would orphan them. */
    private static final long[] GOLDEN = {
        5134134875750579945L, -51829364998801858L, -5844853158372944731L, -8115816093174045578L
    };
}
