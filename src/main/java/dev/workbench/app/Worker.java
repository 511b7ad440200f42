package dev.workbench.app;

import dev.workbench.store.Claim;
import dev.workbench.store.LostClaimException;
import dev.workbench.store.Store;
import dev.workbench.store.WorkerIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker process's claim-train-write loop on {@code threads} threads. Each thread claims the oldest
 * claimable unit of the experiments it serves, trains it on that thread (so results do not depend on
 * which thread or process trains it) and writes it through the fenced path. With nothing to claim it
 * polls with growing pauses; with {@code untilIdle} it returns once no served unit is queued or running.
 */
final class Worker {

    private final Store store;
    private final ServedExperiments served;
    private final WorkerIdentity identity;
    private final WorkerOptions options;
    private final Long onlyExperiment;
    private final UnitTrainer trainer;
    private final RunListener listener;
    private final Heartbeat heartbeat;
    private final AtomicInteger[] counts = {
        new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger()
    };
    private volatile boolean stopping;

    Worker(
            Store store,
            ServedExperiments served,
            WorkerIdentity identity,
            WorkerOptions options,
            Long onlyExperiment,
            UnitTrainer trainer,
            RunListener listener) {
        this.store = store;
        this.served = served;
        this.identity = identity;
        this.options = options;
        this.onlyExperiment = onlyExperiment;
        this.trainer = trainer;
        this.listener = listener;
        this.heartbeat = new Heartbeat(store.queue(), options.leaseSeconds(), listener);
    }

    /** Runs the loop on every thread until idle (or stopped); returns what was done. */
    WorkerReport run() {
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 1; i <= options.threads(); i++) {
            WorkerIdentity who = identity.onThread("unit-" + i);
            Thread t = new Thread(
                    () -> {
                        try {
                            loop(who);
                        } catch (RuntimeException e) {
                            errors.add(e);
                            stopping = true;
                        }
                    },
                    "unit-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        } finally {
            heartbeat.close();
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return new WorkerReport(
                counts[0].get(), counts[1].get(), counts[2].get(), counts[3].get(), served.rejections());
    }

    /** Stops claiming and gives every unit in progress back to the queue (Ctrl+C). */
    void stop() {
        stopping = true;
        for (Heartbeat.Active a : heartbeat.active()) {
            try {
                store.queue().release(a.claim);
                listener.unit("released " + describe(a.claim) + " (attempt " + a.claim.attempt() + ")");
            } catch (RuntimeException e) {
                // already taken over or the database is gone: its lease will expire
            }
        }
    }

    private void loop(WorkerIdentity who) {
        Backoff backoff = new Backoff();
        while (!stopping) {
            List<Long> ids = servable();
            Optional<Claim> claim = store.queue().claim(ids, who, options.leaseSeconds(), this::proposer);
            if (claim.isPresent() && stopping) {
                store.queue().release(claim.get()); // claimed while stop() was giving the others back
            } else if (claim.isPresent()) {
                backoff.reset();
                work(claim.get());
            } else {
                store.queue().completeIdleExperiments();
                if (options.untilIdle() && ids.isEmpty()) {
                    return;
                }
                backoff.pause();
            }
        }
    }

    /** The proposer of a served TPE experiment's next batch; null for other strategies. */
    private TpeProposer proposer(long experimentId) {
        ServedExperiments.Ready ready = served.ready(experimentId);
        return ready == null
                ? null
                : TpeProposer.of(ready.spec().spec(), ready.data().folds());
    }

    /** Experiments with units queued or running that this worker serves and whose data it has checked. */
    private List<Long> servable() {
        List<Long> ids = new ArrayList<>();
        for (long id : store.units().withOpenWork(Optional.ofNullable(options.experimentName()))) {
            if ((onlyExperiment == null || onlyExperiment == id) && served.ready(id) != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private void work(Claim claim) {
        Heartbeat.Active active = heartbeat.track(claim);
        long start = System.nanoTime();
        String unit = describe(claim) + " (attempt " + claim.attempt() + ")";
        try {
            UnitTrainer.Result result = trainer.train(active, served.ready(claim.experimentId()));
            counts[result.ordinal()].incrementAndGet();
            listener.unit(
                    unit + " " + result.name().toLowerCase() + " in " + seconds(start) + " s by " + claim.owner());
        } catch (LostClaimException e) {
            counts[3].incrementAndGet();
            listener.unit(unit + " abandoned after " + seconds(start) + " s: " + e.getMessage());
        } finally {
            heartbeat.untrack(active);
        }
    }

    private String describe(Claim claim) {
        String experiment = served.ready(claim.experimentId()).row().name();
        return experiment + " "
                + (claim.trialId() == null
                        ? "refit"
                        : "trial "
                                + store.trials()
                                        .byId(claim.trialId())
                                        .orElseThrow()
                                        .index() + " fold " + claim.fold());
    }

    private static String seconds(long start) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
    }
}
