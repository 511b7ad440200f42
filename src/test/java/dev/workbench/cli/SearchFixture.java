package dev.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A results database for the search views, built once per test JVM under {@code target/search-fixture/}: a
 * real run of experiment {@code search} (a 2 × 3 grid over {@code units} and {@code lr}, 2 folds, 3 epochs on
 * synthetic data), after which trials 4 and 5 are made to look pruned at epoch 1 the way the halving engine
 * leaves them: status {@code pruned}, no score, their epochs after the first removed. The trial status
 * check of the schema (which does not know {@code pruned} yet) is dropped first, as its migration will.
 * The done trials' mean scores are then set so that {@code lr} drives them: 0.9 for lr 0.1, 0.5 for lr 0.03,
 * plus 0.01 for 16 units.
 */
public final class SearchFixture {

    /** The experiment: trials 0–3 done (lr 0.1 and 0.03), 4–5 pruned (lr 0.003). */
    public static final String SEARCH =
            """
            name: search
            seed: 5
            data: {format: idx, train_images: IDX/train-images-idx3-ubyte, train_labels: IDX/train-labels-idx1-ubyte,
                   test_images: IDX/t10k-images-idx3-ubyte, test_labels: IDX/t10k-labels-idx1-ubyte}
            cv: {folds: 2}
            search:
              strategy: grid
              parameters:
                units: {values: [8, 16]}
                lr: {values: [0.1, 0.03, 0.003]}
            model:
              input: {height: 28, width: 28, channels: 1}
              layers:
                - conv: {filters: 4, kernel: 5, stride: 2}
                - maxpool: {size: 2}
                - dense: {units: ${units}}
                - output: {classes: 10}
            training: {optimizer: sgd, learning_rate: ${lr}, batch_size: 32, epochs: 3}
            refit: false
            """;

    private static String url;

    private SearchFixture() {}

    /** The JDBC URL of the fixture database, made on first use. */
    public static synchronized String database() {
        if (url == null) {
            Path dir = Path.of("target", "search-fixture").toAbsolutePath();
            delete(dir);
            CliHarness cli = new CliHarness(dir);
            CliHarness.Result r =
                    cli.runWithDb("run", cli.spec("search", SEARCH).toString());
            if (r.exitCode() != 0) {
                throw new IllegalStateException("fixture run failed: " + r.err());
            }
            prune(cli.dbUrl(), 4, 5);
            driveByLearningRate(cli.dbUrl());
            url = cli.dbUrl();
        }
        return url;
    }

    private static void prune(String dbUrl, int... indexes) {
        try (Connection c = DriverManager.getConnection(dbUrl, "sa", "");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT tc.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
                    + "JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                    + "WHERE tc.TABLE_NAME = 'TRIAL' AND cc.CHECK_CLAUSE LIKE '%queued%'")) {
                rs.next();
                s.execute("ALTER TABLE trial DROP CONSTRAINT \"" + rs.getString(1) + "\"");
            }
            for (int index : indexes) {
                String trial = "(SELECT id FROM trial WHERE trial_index = " + index + ")";
                s.executeUpdate("DELETE FROM epoch_metric WHERE epoch > 1 AND fold_run_id IN "
                        + "(SELECT id FROM fold_run WHERE trial_id = " + trial + ")");
                s.executeUpdate("UPDATE trial SET status = 'pruned', score_mean = NULL, score_std = NULL, "
                        + "ci95_low = NULL, ci95_high = NULL, score_n = NULL WHERE trial_index = " + index);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot simulate pruning: " + e.getMessage(), e);
        }
    }

    private static void driveByLearningRate(String dbUrl) {
        try (Connection c = DriverManager.getConnection(dbUrl, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, params_json FROM trial WHERE status = 'done'");
                var update = c.prepareStatement("UPDATE trial SET score_mean = ? WHERE id = ?")) {
            while (rs.next()) {
                JsonNode params = new ObjectMapper().readTree(rs.getString(2));
                update.setDouble(
                        1,
                        (params.get("lr").asDouble() == 0.1 ? 0.9 : 0.5)
                                + (params.get("units").asInt() == 16 ? 0.01 : 0.0));
                update.setLong(2, rs.getLong(1));
                update.executeUpdate();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot set the scores: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
