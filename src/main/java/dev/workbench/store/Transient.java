package dev.workbench.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises database failures worth retrying: lost connections, server shutdown, deadlocks, lock timeouts. On an
 * H2 file shared with {@code AUTO_SERVER=TRUE}, the first process to open the file serves it to the others; when
 * it closes the database (it exits, or closes its last connection) their connections break (H2 90067) or find
 * the database closed (90098, 90121), and the next connection makes one of them the server (meanwhile the file can
 * be locked, 90020): worth retrying too.
 */
final class Transient {

    /**
     * 40001 serialization failure or H2 deadlock, 40P01 PostgreSQL deadlock, HYT00 H2 lock timeout; H2's 90067
     * connection broken, 90098 database closed, 90121 database closed at its process's exit, and 90020 file locked
     * (while another process hands the file over: a file held for good fails after {@link Database#RETRY_FOR}).
     */
    private static final Set<String> STATES = Set.of("40001", "40P01", "HYT00", "90020", "90067", "90098", "90121");

    private Transient() {}

    static boolean is(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
