package dev.workbench.app;

import dev.workbench.store.Store;
import dev.workbench.store.UnitRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The experiment's work queue as the experiment page shows it: unit counts, workers, retried units. */
public final class QueueView {

    /**
     * @param queued  units waiting for a worker
     * @param running units claimed now
     * @param workers every worker process that claimed a unit, by {@code host:pid}
     * @param retried units with an attempt that died or threw
     */
    public record Queue(int queued, int running, int done, int failed, List<Worker> workers, List<Retried> retried) {}

    /**
     * @param worker        {@code host:pid}
     * @param unitsDone     units it finished
     * @param current       units it holds now, e.g. {@code trial 3 fold 1}
     * @param lastHeartbeat its latest lease renewal (database clock)
     */
    public record Worker(String worker, int unitsDone, List<String> current, Instant lastHeartbeat) {}

    /**
     * @param unit     e.g. {@code trial 3 fold 1} or {@code refit}
     * @param state    queued, running, done or failed
     * @param attempt  claims so far
     * @param failures attempts that died or threw
     * @param error    the last failed attempt's error
     */
    public record Retried(
            String unit, String state, int attempt, int failures, int maxAttempts, String owner, String error) {}

    private QueueView() {}

    static Queue of(Store store, long experimentId) {
        List<UnitRow> units = store.units().byExperiment(experimentId);
        Map<String, List<UnitRow>> byWorker = new LinkedHashMap<>();
        units.stream().filter(u -> u.owner() != null).forEach(u -> byWorker.computeIfAbsent(
                        u.worker(), w -> new ArrayList<>())
                .add(u));
        List<Worker> workers = byWorker.entrySet().stream()
                .map(e -> worker(e.getKey(), e.getValue()))
                .toList();
        List<Retried> retried = units.stream()
                .filter(u -> u.failures() > 0)
                .map(u -> new Retried(
                        u.describe(), u.state(), u.attempt(), u.failures(), u.maxAttempts(), u.owner(), u.error()))
                .toList();
        return new Queue(
                count(units, "queued"),
                count(units, "running"),
                count(units, "done"),
                count(units, "failed"),
                workers,
                retried);
    }

    private static Worker worker(String name, List<UnitRow> units) {
        int done = (int) units.stream().filter(u -> u.state().equals("done")).count();
        List<String> current = units.stream()
                .filter(u -> u.state().equals("running"))
                .map(UnitRow::describe)
                .toList();
        Instant heartbeat = units.stream()
                .map(UnitRow::heartbeatAt)
                .filter(h -> h != null)
                .max(Comparator.naturalOrder())
                .orElse(null);
        return new Worker(name, done, current, heartbeat);
    }

    private static int count(List<UnitRow> units, String state) {
        return (int) units.stream().filter(u -> u.state().equals(state)).count();
    }
}
