package dev.workbench.store;

import dev.workbench.StoreException;
import dev.workbench.UserInputException;
import dev.workbench.WorkbenchException;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Opens an existing results database for the dashboard, which only reads: it never creates a database
 * (H2's {@code IFEXISTS=TRUE}, for every URL form: {@code jdbc:h2:/path}, {@code file:}, {@code ~/},
 * {@code mem:}, {@code tcp:}) and never migrates one; a schema older or newer than this build's is refused.
 */
public final class ReadOnlyStore {

    private ReadOnlyStore() {}

    /**
     * The store at {@code jdbcUrl}, unchanged.
     *
     * @throws UserInputException when there is no database there, or it needs upgrading by a writing command
     * @throws StoreException     when it cannot be opened or was written by a newer workbench
     */
    public static Store open(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new StoreException("not an H2 JDBC URL: " + jdbcUrl, null);
        }
        boolean explicit = jdbcUrl.toUpperCase(Locale.ROOT).contains(";IFEXISTS=");
        JdbcConnectionPool pool = JdbcConnectionPool.create(explicit ? jdbcUrl : jdbcUrl + ";IFEXISTS=TRUE", "sa", "");
        try {
            check(SchemaVersion.of(pool), jdbcUrl);
            return new Store(pool);
        } catch (WorkbenchException e) {
            pool.dispose();
            throw e;
        } catch (RuntimeException e) {
            pool.dispose();
            if (notFound(e)) {
                throw new UserInputException("no results database at " + jdbcUrl.split(";", 2)[0]
                        + "; run an experiment first, or point --db at an existing one");
            }
            throw Database.failure("open results database " + jdbcUrl, e);
        }
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
            if (t instanceof SQLException s && (s.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
                    || s.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_1)) {
                return true;
            }
        }
        return false;
    }
}
