package dev.workbench.store;

import dev.workbench.StoreException;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The repositories' single way into Jdbi: runs a callback on a pooled handle and turns any Jdbi
 * failure into a {@link StoreException} that says what was being done. Thread-safe.
 */
final class Database {

    private final Jdbi jdbi;

    Database(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs {@code callback} on a handle in auto-commit mode: each statement commits on its own. */
    <R> R withHandle(String action, HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException e) {
            throw failure(action, e);
        }
    }

    /** Runs {@code callback} in one transaction, committed on return and rolled back on failure. */
    <R> R inTransaction(String action, HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.inTransaction(callback);
        } catch (JdbiException e) {
            throw failure(action, e);
        }
    }

    /** Like {@link #inTransaction} with no result. */
    void useTransaction(String action, HandleConsumer<RuntimeException> callback) {
        try {
            jdbi.useTransaction(callback);
        } catch (JdbiException e) {
            throw failure(action, e);
        }
    }

    /** Runs read-only {@code callback} on one consistent snapshot of the database. */
    <R> R snapshot(String action, HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, callback);
        } catch (JdbiException e) {
            throw failure(action, e);
        }
    }

    /**
     * Runs an update of the row {@code table.id = :id} (auto-commit), after {@code binder} binds any
     * other parameters, and fails when no such row exists.
     */
    void updateById(String action, String table, long id, String sql, UnaryOperator<Update> binder) {
        int rows = withHandle(action, h -> binder.apply(h.createUpdate(sql).bind("id", id)).execute());
        if (rows == 0) {
            throw new StoreException("could not " + action + ": no " + table + " with id " + id, null);
        }
    }

    static StoreException failure(String action, Throwable error) {
        return new StoreException("could not " + action + ": " + rootMessage(error), error);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
