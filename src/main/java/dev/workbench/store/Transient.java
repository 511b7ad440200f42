package dev.workbench.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Recognises database failures worth retrying: lost connections, server shutdown, deadlocks, lock timeouts. */
final class Transient {

    /** 40001 serialization failure or H2 deadlock, 40P01 PostgreSQL deadlock, HYT00 H2 lock timeout. */
    private static final Set<String> STATES = Set.of("40001", "40P01", "HYT00");

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
