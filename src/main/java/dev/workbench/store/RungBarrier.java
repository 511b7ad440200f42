package dev.workbench.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The rung barriers of successive halving, run inside the transaction that settles a fold unit. The
 * lowest open rung closes once no fold unit of its experiment is queued or running: its row is locked
 * first and the units counted after, so of several last units finishing at once exactly one closes it
 * (the others still see each other running, or find it closed). Closing ranks the trials still alive
 * ({@link RungSelection}), marks the rest {@code pruned} at the rung's epoch (their rows stay; their
 * checkpoints go) and queues the survivors' units again from their checkpoints, up to the next rung.
 */
final class RungBarrier {

    private static final Map<String, String> COLUMNS = Map.of(
            "val_accuracy",
            "val_accuracy",
            "val_loss",
            "val_loss",
            "train_accuracy",
            "train_accuracy",
            "train_loss",
            "train_loss");
    private static final String ALIVE = "('queued', 'running')";

    private RungBarrier() {}

    private record Rung(int index, int epoch, Integer nextEpoch, int reductionFactor) {}

    /** Closes the experiment's lowest open rung when all its units are in; true when this call closed it. */
    static boolean closeIfReady(Handle h, long experimentId) {
        Optional<Rung> lowest = h.createQuery("SELECT rung_index, epoch, next_epoch, reduction_factor FROM rung"
                        + " WHERE experiment_id = :id AND state = 'open' ORDER BY rung_index LIMIT 1")
                .bind("id", experimentId)
                .map((rs, ctx) -> new Rung(rs.getInt(1), rs.getInt(2), rs.getObject(3, Integer.class), rs.getInt(4)))
                .findOne();
        if (lowest.isEmpty()) {
            return false;
        }
        Rung rung = lowest.get();
        String state = h.createQuery(
                        "SELECT state FROM rung WHERE experiment_id = :id AND rung_index = :index FOR UPDATE")
                .bind("id", experimentId)
                .bind("index", rung.index())
                .mapTo(String.class)
                .one();
        long open = h.createQuery("SELECT COUNT(*) FROM work_unit WHERE experiment_id = :id AND kind = 'fold'"
                        + " AND state IN " + ALIVE)
                .bind("id", experimentId)
                .mapTo(Long.class)
                .one();
        if (!"open".equals(state) || open > 0) {
            return false;
        }
        close(h, experimentId, rung);
        return true;
    }

    private static void close(Handle h, long experimentId, Rung rung) {
        Map<String, Object> e = h.createQuery("SELECT metric, goal FROM experiment WHERE id = :id")
                .bind("id", experimentId)
                .mapToMap()
                .one();
        String column = COLUMNS.get(String.valueOf(e.get("metric")));
        if (column == null) {
            throw new IllegalStateException("cannot rank by metric " + e.get("metric"));
        }
        List<RungSelection.Ranked> ranked = scores(h, experimentId, rung.epoch(), column);
        List<RungSelection.Ranked> kept =
                RungSelection.survivors(ranked, "maximize".equals(e.get("goal")), rung.reductionFactor());
        Set<Long> survivors = new java.util.HashSet<>();
        kept.forEach(r -> survivors.add(r.trialId()));
        for (RungSelection.Ranked r : ranked) {
            record(h, r, rung.epoch(), !survivors.contains(r.trialId()));
        }
        for (long trialId : survivors) {
            h.createUpdate(
                            "UPDATE work_unit SET state = 'queued', resume_epoch = :resume, stop_epoch = :stop,"
                                    + " failures = 0, lease_until = NULL, finished_at = NULL WHERE trial_id = :id AND kind = 'fold'")
                    .bind("resume", rung.epoch())
                    .bind("stop", rung.nextEpoch())
                    .bind("id", trialId)
                    .execute();
        }
        h.createUpdate("UPDATE rung SET state = 'closed', ranked = :ranked, kept = :kept, closed_at = CURRENT_TIMESTAMP"
                        + " WHERE experiment_id = :id AND rung_index = :index")
                .bind("ranked", ranked.size())
                .bind("kept", kept.size())
                .bind("id", experimentId)
                .bind("index", rung.index())
                .execute();
    }

    private static void record(Handle h, RungSelection.Ranked r, int epoch, boolean pruned) {
        h.createUpdate("UPDATE trial SET rung_epoch = :epoch, rung_score = :score"
                        + (pruned
                                ? ", status = 'pruned', pruned_at_epoch = :epoch, finished_at = CURRENT_TIMESTAMP"
                                : "")
                        + " WHERE id = :id")
                .bind("epoch", epoch)
                .bind("score", r.score())
                .bind("id", r.trialId())
                .execute();
        if (pruned) {
            h.createUpdate(
                            "DELETE FROM unit_checkpoint WHERE unit_id IN (SELECT id FROM work_unit WHERE trial_id = :id)")
                    .bind("id", r.trialId())
                    .execute();
        }
    }

    /** The alive trials' fold-mean objective at {@code epoch}, in trial order. */
    private static List<RungSelection.Ranked> scores(Handle h, long experimentId, int epoch, String column) {
        Map<Long, List<Double>> byTrial = new LinkedHashMap<>();
        Map<Long, Integer> indices = new LinkedHashMap<>();
        h.createQuery("SELECT t.id, t.trial_index FROM trial t WHERE t.experiment_id = :id AND t.status IN " + ALIVE
                        + " ORDER BY t.trial_index")
                .bind("id", experimentId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .forEach(en -> {
                    indices.put(en.getKey(), en.getValue());
                    byTrial.put(en.getKey(), new ArrayList<>());
                });
        h.createQuery("SELECT f.trial_id, m." + column + " FROM fold_run f JOIN epoch_metric m ON m.fold_run_id = f.id"
                        + " JOIN trial t ON t.id = f.trial_id WHERE t.experiment_id = :id AND m.epoch = :epoch"
                        + " AND t.status IN " + ALIVE + " ORDER BY t.trial_index, f.fold")
                .bind("id", experimentId)
                .bind("epoch", epoch)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getDouble(2)))
                .forEach(en -> byTrial.get(en.getKey()).add(en.getValue()));
        List<RungSelection.Ranked> out = new ArrayList<>();
        byTrial.forEach(
                (id, values) -> out.add(new RungSelection.Ranked(indices.get(id), id, RungSelection.foldMean(values))));
        return out;
    }
}
