package dev.workbench.app;

import dev.workbench.StoreException;
import dev.workbench.store.Claim;
import dev.workbench.store.WorkQueue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Renews the leases of a worker's claims from one background thread, four times per lease. A claim whose
 * renewal is refused has been taken over: it is marked lost, and its unit's next epoch aborts the unit.
 */
final class Heartbeat implements AutoCloseable {

    /** A claim being worked on; {@link #lost()} once another worker took it over. */
    static final class Active {
        final Claim claim;
        private volatile boolean lost;

        Active(Claim claim) {
            this.claim = claim;
        }

        boolean lost() {
            return lost;
        }
    }

    private final WorkQueue queue;
    private final int leaseSeconds;
    private final Map<Long, Active> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heartbeat");
        t.setDaemon(true);
        return t;
    });

    Heartbeat(WorkQueue queue, int leaseSeconds, RunListener listener) {
        this.queue = queue;
        this.leaseSeconds = leaseSeconds;
        long period = Math.max(250, leaseSeconds * 1000L / 4);
        timer.scheduleWithFixedDelay(() -> renewAll(listener), period, period, TimeUnit.MILLISECONDS);
    }

    Active track(Claim claim) {
        Active a = new Active(claim);
        active.put(claim.unitId(), a);
        return a;
    }

    void untrack(Active a) {
        active.remove(a.claim.unitId(), a);
    }

    /** The claims being worked on now. */
    java.util.Collection<Active> active() {
        return active.values();
    }

    private void renewAll(RunListener listener) {
        for (Active a : active.values()) {
            try {
                if (!a.lost && !queue.heartbeat(a.claim, leaseSeconds)) {
                    a.lost = true;
                }
            } catch (StoreException e) {
                listener.warning("could not renew the lease of unit " + a.claim.unitId() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
