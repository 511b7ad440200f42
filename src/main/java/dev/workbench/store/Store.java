package dev.workbench.store;

import dev.workbench.StoreException;
import dev.workbench.UserInputException;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The open results database (embedded H2, or PostgreSQL for many machines): a pool of connections,
 * migrated to the latest schema on open, one repository per table family and the work queue.
 * Thread-safe; close it once when the process is done with it.
 */
public final class Store implements AutoCloseable {

    /** More than any sensible number of concurrent training workers plus readers. */
    private static final int MAX_CONNECTIONS = 32;

    private static final int OPEN_ATTEMPTS = 4;
    private static final String H2_SUFFIX = ".mv.db";

    private final Engine.Pool pool;
    private final ExperimentRepository experiments;
    private final TrialRepository trials;
    private final FoldRunRepository foldRuns;
    private final RefitRepository refits;
    private final ReproductionRepository reproductions;
    private final ExportRepository exports;
    private final TrainingTraceRepository traces;
    private final TestDiagnosisRepository diagnoses;
    private final WorkQueue queue;
    private final UnitRepository units;
    private final SearchStateRepository search;

    Store(Engine.Pool pool) {
        this.pool = pool;
        Database db = new Database(Jdbi.create(pool.dataSource()));
        Rows rows = new Rows();
        this.trials = new TrialRepository(db, rows);
        this.foldRuns = new FoldRunRepository(db, rows);
        this.experiments = new ExperimentRepository(db, rows, new DetailQuery(db, rows, foldRuns));
        this.refits = new RefitRepository(db, rows);
        this.reproductions = new ReproductionRepository(db, rows);
        this.exports = new ExportRepository(db, rows);
        this.traces = new TrainingTraceRepository(db);
        this.diagnoses = new TestDiagnosisRepository(db);
        this.queue = new WorkQueue(db, rows, foldRuns);
        this.units = new UnitRepository(db);
        this.search = new SearchStateRepository(db);
    }

    /**
     * Opens the database at {@code jdbcUrl} ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}) with
     * a pool of up to 32 connections and applies any pending migrations.
     *
     * @throws StoreException naming the URL when it cannot be opened or migrated
     */
    public static Store open(String jdbcUrl) {
        return open(jdbcUrl, MAX_CONNECTIONS);
    }

    /**
     * Like {@link #open(String)} with a pool of up to {@code maxConnections} connections. Opening is tried
     * again after a pause when it fails in a way another process can cause: two processes opening (and
     * migrating) a new H2 file at once, or a PostgreSQL server that is restarting.
     */
    public static Store open(String jdbcUrl, int maxConnections) {
        Engine engine = Engine.of(jdbcUrl);
        for (int attempt = 1; ; attempt++) {
            try {
                return migrated(engine, jdbcUrl, maxConnections);
            } catch (StoreException e) { // the schema is newer than this build's: trying again cannot help
                throw e;
            } catch (RuntimeException e) {
                boolean racy = engine == Engine.H2 || Transient.is(e);
                if (!racy || attempt >= OPEN_ATTEMPTS) {
                    throw Database.failure("open results database " + Redacted.url(jdbcUrl), e);
                }
                Database.sleep(attempt * 1_000L);
            }
        }
    }

    private static Store migrated(Engine engine, String jdbcUrl, int maxConnections) {
        Engine.Pool pool = engine.pool(jdbcUrl, maxConnections);
        try {
            SchemaVersion.refuseNewer(pool.dataSource(), engine, Redacted.url(jdbcUrl));
            Flyway.configure(Store.class.getClassLoader())
                    .dataSource(pool.dataSource())
                    .locations(engine.migrationLocations())
                    .javaMigrations(new AdaptiveSearchMigration())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return new Store(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
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

    /** Steps within epochs, weight spreads and out-of-fold confusion matrices of fold runs. */
    public TrainingTraceRepository traces() {
        return traces;
    }

    /** Test-set confusion matrices and mistakes of refits and exports. */
    public TestDiagnosisRepository diagnoses() {
        return diagnoses;
    }

    /** The experiments' units of work: claims, leases and fenced writes. */
    public WorkQueue queue() {
        return queue;
    }

    /** Reads of the units of work: what is left, who works on it, what is being retried. */
    public UnitRepository units() {
        return units;
    }

    /** Reads of adaptive search: rungs, pruned trials, TPE batches. */
    public SearchStateRepository search() {
        return search;
    }

    /** Closes every pooled connection; an H2 file database is closed when its last connection is. */
    @Override
    public void close() {
        pool.close();
    }
}
