package dev.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.store.Store;
import dev.workbench.testing.PostgresServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The queue benchmark drains its units on PostgreSQL, reports its rates and leaves no experiment behind. */
@Tag("slow")
class QueueBenchmarkTest {

    @Test
    void claimsEveryUnitReportsRatesAndCleansUp() {
        try (Store store = Store.open(PostgresServer.get().newDatabase("bench"), 20)) {
            QueueBenchmark.Result r = new QueueBenchmark(store).run(8, 200, 3);
            System.out.println("queue bench (8 claimers, 200 units, shared machine): " + r);
            assertThat(r.claimsPerSecond()).isPositive();
            assertThat(r.epochWritesPerSecond()).isPositive();
            assertThat(r.claimP99Millis()).isGreaterThanOrEqualTo(r.claimP50Millis());
            assertThat(r.workersPerDatabase()).isPositive();
            assertThat(store.experiments().list()).isEmpty();
        }
    }
}
