package dev.workbench.testing;

import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;

/**
 * What a test needs from the machine (a browser, a database server, PyTorch, real MNIST). Missing, the
 * test is skipped with a message saying what to install; under the README's test command ({@code ./test},
 * which sets {@code WORKBENCH_TESTS_REQUIRE_ALL=true} after installing everything) it fails instead, so a
 * broken install step can never hide behind a skip.
 */
public final class Required {

    static final String REQUIRE_ALL = "WORKBENCH_TESTS_REQUIRE_ALL";

    private Required() {}

    /**
     * Returns when {@code present}; otherwise skips or fails the calling test.
     *
     * @param what  what is missing, e.g. "/usr/bin/chromium"
     * @param howTo how to get it, e.g. "apt-get install chromium chromium-driver, or run ./test"
     */
    public static void that(boolean present, String what, String howTo) {
        if (present) {
            return;
        }
        String message = what + " is missing: " + howTo;
        if (Boolean.parseBoolean(System.getenv(REQUIRE_ALL))) {
            Assertions.fail(message + " (" + REQUIRE_ALL + " is set, so this test may not be skipped)");
        }
        throw new TestAbortedException(message);
    }
}
