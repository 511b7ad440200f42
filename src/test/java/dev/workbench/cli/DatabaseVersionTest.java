package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Databases written by another workbench version, through the real command line. */
class DatabaseVersionTest {

    @TempDir
    Path dir;

    @Test
    void a_database_from_a_newer_workbench_is_refused_naming_both_versions_and_nothing_is_written() throws Exception {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.runWithDb("list").exitCode()).isZero();
        String before = execute(
                cli.dbUrl(),
                """
                INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
                    "checksum", "installed_by", "execution_time", "success")
                VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 1, 'sa', 1, TRUE)""");

        CliHarness.Result run =
                cli.runWithDb("run", cli.spec("tiny", CliHarness.TINY).toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("schema version 99")
                .containsPattern("newer than this workbench's [0-9]+ ")
                .contains("nothing was written")
                .doesNotContain("\tat ");
        assertThat(cli.runWithDb("list").err()).contains("schema version 99");
        assertThat(execute(cli.dbUrl(), null)).isEqualTo(before);
    }

    /** Runs {@code sql} (if any), then describes every table and its row count, to compare before and after. */
    static String execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            if (sql != null) {
                s.execute(sql);
            }
            StringBuilder out = new StringBuilder();
            try (ResultSet tables = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'PUBLIC' ORDER BY table_name")) {
                while (tables.next()) {
                    out.append(tables.getString(1)).append(';');
                }
            }
            try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
                rows.next();
                out.append(rows.getLong(1));
            }
            return out.toString();
        }
    }
}
