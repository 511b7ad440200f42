package dev.workbench.store;

import dev.workbench.StoreException;
import dev.workbench.UserInputException;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;

/**
 * The open results database: a pool of H2 connections, migrated to the latest schema on open, and
 * one repository per table family. Thread-safe; close it once when the process is done with it.
 */
public final class Store implements AutoCloseable {

    /** More than any sensible number of concurrent training workers plus readers. */
    private static final int MAX_CONNECTIONS = 32;
    private static final String H2_SUFFIX = ".mv.db";

    private final JdbcConnectionPool pool;
    private final ExperimentRepository experiments;
    private final TrialRepository trials;
    private final FoldRunRepository foldRuns;
    private final RefitRepository refits;
    private final ReproductionRepository reproductions;
    private final ExportRepository exports;

    Store(JdbcConnectionPool pool) {
        this.pool = pool;
        Database db = new Database(Jdbi.create(pool));
        Rows rows = new Rows();
        this.trials = new TrialRepository(db, rows);
        this.foldRuns = new FoldRunRepository(db, rows);
        this.experiments = new ExperimentRepository(db, rows, new DetailQuery(db, rows, foldRuns));
        this.refits = new RefitRepository(db, rows);
        this.reproductions = new ReproductionRepository(db, rows);
        this.exports = new ExportRepository(db, rows);
    }

    /**
     * H2 writes commits to its file up to a second late by default; a killed run would then lose more than
     * the epoch in progress. {@code WRITE_DELAY=0} writes each commit out as it happens.
     */
    static String durable(String jdbcUrl) {
        boolean inMemory = jdbcUrl.startsWith("jdbc:h2:mem:");
        boolean explicit = jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=");
        return inMemory || explicit ? jdbcUrl : jdbcUrl + ";WRITE_DELAY=0";
    }

    /**
     * Opens the H2 database at {@code jdbcUrl} and applies any pending migrations.
     *
     * @throws StoreException naming the URL when it cannot be opened or migrated
     */
    public static Store open(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new StoreException("not an H2 JDBC URL: " + jdbcUrl, null);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(durable(jdbcUrl), "sa", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        try {
            SchemaVersion.refuseNewer(pool, jdbcUrl);
            Flyway.configure(Store.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return new Store(pool);
        } catch (StoreException e) {
            pool.dispose();
            throw e;
        } catch (RuntimeException e) {
            pool.dispose();
            throw Database.failure("open results database " + jdbcUrl, e);
        }
    }

    /**
     * The URL of an H2 file database: {@code jdbc:h2:file:<absolute path>;AUTO_SERVER=TRUE}. H2 adds
     * {@code .mv.db} to the path (a path already ending in it is trimmed). AUTO_SERVER lets a second
     * process, such as the dashboard, open the database while a run writes to it.
     */
    public static String fileUrl(Path databaseFileWithoutSuffix) {
        String path = databaseFileWithoutSuffix.toAbsolutePath().normalize().toString();
        if (path.endsWith(H2_SUFFIX)) {
            path = path.substring(0, path.length() - H2_SUFFIX.length());
        }
        if (path.contains(";")) {
            throw new UserInputException("database path must not contain ';': " + path);
        }
        return "jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE";
    }

    public ExperimentRepository experiments() {
        return experiments;
    }

    public TrialRepository trials() {
        return trials;
    }

    public FoldRunRepository foldRuns() {
        return foldRuns;
    }

    public RefitRepository refits() {
        return refits;
    }

    public ReproductionRepository reproductions() {
        return reproductions;
    }

    public ExportRepository exports() {
        return exports;
    }

    /** Closes every pooled connection; an H2 file database is closed when its last connection is. */
    @Override
    public void close() {
        pool.dispose();
    }
}
