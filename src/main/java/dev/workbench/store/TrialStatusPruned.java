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
 * Migration 5.1: trial.status may also be {@code pruned}. V1 declared the column's CHECK without a name, and
 * H2 and PostgreSQL name such constraints differently, so the constraint is found by its column in the
 * standard {@code information_schema} (the same query on both) and replaced by a named one.
 */
final class TrialStatusPruned implements JavaMigration {

    private static final String FIND = "SELECT tc.constraint_name FROM information_schema.table_constraints tc"
            + " JOIN information_schema.constraint_column_usage cu ON cu.constraint_name = tc.constraint_name"
            + " AND cu.table_name = tc.table_name WHERE tc.constraint_type = 'CHECK' AND LOWER(tc.table_name) = 'trial'"
            + " AND LOWER(cu.column_name) = 'status'";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5.1");
    }

    @Override
    public String getDescription() {
        return "trial status pruned";
    }

    @Override
    public Integer getChecksum() {
        return 51;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String> names = new ArrayList<>();
        try (PreparedStatement find = c.prepareStatement(FIND); ResultSet rs = find.executeQuery()) {
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
}
