package dev.workbench.app;

/** Pauses between polls of an empty queue: 100 ms, doubling up to 5 s, back to 100 ms after a claim. */
final class Backoff {

    private static final long FIRST_MILLIS = 100;
    private static final long MAX_MILLIS = 5_000;
    private long next = FIRST_MILLIS;

    void reset() {
        next = FIRST_MILLIS;
    }

    void pause() {
        try {
            Thread.sleep(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        next = Math.min(next * 2, MAX_MILLIS);
    }
}
