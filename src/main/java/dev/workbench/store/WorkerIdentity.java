package dev.workbench.store;

import java.util.Objects;

/**
 * Who claims a unit: recorded as the unit's owner, and with each fold run it trains.
 *
 * @param worker      the worker process, {@code host:pid}
 * @param thread      the thread within it that trains the unit
 * @param backend     the ND4J backend in words
 * @param nativeBuild the native library build
 */
public record WorkerIdentity(String worker, String thread, String backend, String nativeBuild) {

    public WorkerIdentity {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(thread, "thread");
    }

    /** The owner stored on claimed units: {@code host:pid/thread}, at most 255 characters. */
    public String owner() {
        String owner = worker + "/" + thread;
        return owner.length() <= 255 ? owner : owner.substring(0, 255);
    }

    /** The same worker on another thread. */
    public WorkerIdentity onThread(String otherThread) {
        return new WorkerIdentity(worker, otherThread, backend, nativeBuild);
    }
}
