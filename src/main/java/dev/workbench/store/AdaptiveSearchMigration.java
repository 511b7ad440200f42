package dev.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 5 (issue 12, adaptive search): runs the portable SQL of {@code db/adaptive_search.sql} (rungs, unit
 * segments, checkpoints, TPE batches), then lets trial.status be {@code pruned}. V1 declared that column's CHECK
 * without a name, and H2 and PostgreSQL name such constraints differently, so the constraint is found by its
 * column in the standard {@code information_schema} (the same query on both) and replaced by a named one.
 * A Java migration because SQL alone cannot drop a constraint whose name differs between the engines.
 */
final class AdaptiveSearchMigration implements JavaMigration {

    private static final String SCRIPT = "db/adaptive_search.sql";

    private static final String FIND = "SELECT tc.constraint_name FROM information_schema.table_constraints tc"
            + " JOIN information_schema.constraint_column_usage cu ON cu.constraint_name = tc.constraint_name"
            + " AND cu.table_name = tc.table_name WHERE tc.constraint_type = 'CHECK' AND LOWER(tc.table_name) = 'trial'"
            + " AND LOWER(cu.column_name) = 'status'";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "adaptive search";
    }

    @Override
    public Integer getChecksum() {
        return script().hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            for (String statement : statements(script())) {
                s.execute(statement);
            }
        }
        List<String> names = new ArrayList<>();
        try (PreparedStatement find = c.prepareStatement(FIND);
                ResultSet rs = find.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("ALTER TABLE trial DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
            }
            s.execute("ALTER TABLE trial ADD CONSTRAINT trial_status_ck CHECK (status IN"
                    + " ('queued', 'running', 'done', 'failed', 'pruned'))");
        }
    }

    private static String script() {
        try (java.io.InputStream in =
                AdaptiveSearchMigration.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPT);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The script's statements: comment lines dropped, split at the semicolons that end lines. */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            code.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String statement : code.toString().split(";\\s*\n")) {
            if (!statement.isBlank()) {
                out.add(statement.strip());
            }
        }
        return out;
    }
}
