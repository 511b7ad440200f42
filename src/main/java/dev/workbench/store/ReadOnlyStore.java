package dev.workbench.store;

import dev.workbench.StoreException;
import dev.workbench.UserInputException;
import dev.workbench.WorkbenchException;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.ErrorCode;

/**
 * Opens an existing results database for the dashboard, which only reads: it never creates a database
 * (H2's {@code IFEXISTS=TRUE}, for every URL form: {@code jdbc:h2:/path}, {@code file:}, {@code ~/},
 * {@code mem:}, {@code tcp:}; a PostgreSQL server creates none on connect) and never migrates one; a schema
 * older or newer than this build's is refused.
 */
public final class ReadOnlyStore {

    /** The dashboard's readers: far fewer than a run's workers. */
    private static final int MAX_CONNECTIONS = 16;
    /** PostgreSQL's SQLSTATE for a database that does not exist. */
    private static final String INVALID_CATALOG = "3D000";

    private ReadOnlyStore() {}

    /**
     * The store at {@code jdbcUrl}, unchanged.
     *
     * @throws UserInputException when there is no database there, or it needs upgrading by a writing command
     * @throws StoreException     when it cannot be opened or was written by a newer workbench
     */
    public static Store open(String jdbcUrl) {
        Engine engine = Engine.of(jdbcUrl);
        String shown = Redacted.url(jdbcUrl);
        Engine.Pool pool = null;
        try {
            pool = engine.pool(engine == Engine.H2 ? ifExists(jdbcUrl) : jdbcUrl, MAX_CONNECTIONS);
            check(SchemaVersion.of(pool.dataSource(), engine), shown);
            return new Store(pool);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (e instanceof WorkbenchException w) {
                throw w;
            }
            if (notFound(e)) {
                throw new UserInputException("no results database at " + shown.split(";", 2)[0]
                        + "; run an experiment first, or point --db at an existing one");
            }
            throw Database.failure("open results database " + shown, e);
        }
    }

    private static String ifExists(String h2Url) {
        return h2Url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=") ? h2Url : h2Url + ";IFEXISTS=TRUE";
    }

    private static void check(SchemaVersion v, String url) {
        if (v.database() == null) {
            throw new UserInputException(url + " holds no workbench results; point --db at a results database");
        }
        if (v.newer()) {
            SchemaVersion.refuseNewer(v, url);
        }
        if (v.behind()) {
            throw new UserInputException("the results database " + url + " has schema version " + v.database()
                    + ", older than this workbench's " + v.build() + "; the dashboard never changes a database: run "
                    + "`workbench list --db '" + url + "'` (or any other command) once to upgrade it, then serve it");
        }
    }

    private static boolean notFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s
                    && (s.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
                            || s.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_1
                            || INVALID_CATALOG.equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
