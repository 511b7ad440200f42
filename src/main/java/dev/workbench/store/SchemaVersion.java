package dev.workbench.store;

import dev.workbench.StoreException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Compares a results database's schema with this build's migrations, reading only (Flyway's
 * {@code info}). Flyway by itself ignores applied migrations it does not know, so a database written
 * by a newer workbench would be used, and half-written, silently; this refuses it first.
 *
 * @param database the latest version applied to the database, or null when it holds no workbench schema
 * @param build    the latest version this build's migrations reach
 */
record SchemaVersion(String database, String build, boolean newer, boolean behind) {

    /** Reads the versions of the database behind {@code source}, against the engine's migrations. */
    static SchemaVersion of(DataSource source, Engine engine) {
        MigrationInfoService info = Flyway.configure(SchemaVersion.class.getClassLoader())
                .dataSource(source)
                .locations(engine.migrationLocations())
                .javaMigrations(new AdaptiveSearchMigration())
                .failOnMissingLocations(true)
                .load()
                .info();
        MigrationInfo[] all = info.all();
        String build = latest(all, i -> i.getState().isResolved()).orElse("none");
        MigrationInfo current = info.current();
        boolean newer = Arrays.stream(all)
                .anyMatch(i ->
                        i.getState() == MigrationState.FUTURE_SUCCESS || i.getState() == MigrationState.FUTURE_FAILED);
        return new SchemaVersion(
                current == null ? null : current.getVersion().getVersion(), build, newer, info.pending().length > 0);
    }

    private static Optional<String> latest(MigrationInfo[] all, java.util.function.Predicate<MigrationInfo> which) {
        return Arrays.stream(all)
                .filter(which)
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion);
    }

    /**
     * Refuses a database whose schema is newer than this build's; called before migrating.
     *
     * @throws StoreException naming both versions
     */
    static void refuseNewer(DataSource source, Engine engine, String url) {
        SchemaVersion v = of(source, engine);
        if (v.newer()) {
            refuseNewer(v, url);
        }
    }

    /** Throws the refusal for a newer schema. */
    static void refuseNewer(SchemaVersion v, String url) {
        throw new StoreException(
                "the results database " + url + " has schema version " + v.database()
                        + ", newer than this workbench's " + v.build() + " (a newer workbench wrote it); nothing was "
                        + "written: use that workbench version, or point --db at another database",
                null);
    }
}
