package dev.workbench.store;

import dev.workbench.StoreException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The repositories' single way into Jdbi: runs a callback on a pooled handle, retries it while the
 * failure is transient, and turns any other Jdbi failure into a {@link StoreException} that says what
 * was being done. Thread-safe.
 */
final class Database {

    /** How long a transient failure (e.g. a database server restart) is retried before it is reported. */
    static final Duration RETRY_FOR = Duration.ofSeconds(90);

    private final Jdbi jdbi;

    Database(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs {@code callback} on a handle in auto-commit mode: each statement commits on its own. */
    <R> R withHandle(String action, HandleCallback<R, RuntimeException> callback) {
        return retrying(action, () -> jdbi.withHandle(callback));
    }

    /** Runs {@code callback} in one transaction, committed on return and rolled back on failure. */
    <R> R inTransaction(String action, HandleCallback<R, RuntimeException> callback) {
        return retrying(action, () -> jdbi.inTransaction(callback));
    }

    /** Like {@link #inTransaction} with no result. */
    void useTransaction(String action, HandleConsumer<RuntimeException> callback) {
        retrying(action, () -> {
            jdbi.useTransaction(callback);
            return null;
        });
    }

    /** Runs read-only {@code callback} on one consistent snapshot of the database. */
    <R> R snapshot(String action, HandleCallback<R, RuntimeException> callback) {
        return retrying(action, () -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, callback));
    }

    /**
     * Runs an update of the row {@code table.id = :id} (auto-commit), after {@code binder} binds any
     * other parameters, and fails when no such row exists.
     */
    void updateById(String action, String table, long id, String sql, UnaryOperator<Update> binder) {
        int rows = withHandle(
                action, h -> binder.apply(h.createUpdate(sql).bind("id", id)).execute());
        if (rows == 0) {
            throw new StoreException("could not " + action + ": no " + table + " with id " + id, null);
        }
    }

    /**
     * Runs {@code work}, again with growing pauses while the failure is transient (the connection was lost,
     * the server is restarting, a deadlock or lock timeout rolled the transaction back), for up to
     * {@link #RETRY_FOR}; then, or on any other failure, throws a {@link StoreException} naming {@code action}.
     */
    private static <R> R retrying(String action, Supplier<R> work) {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        long pauseMillis = 100;
        while (true) {
            try {
                return work.get();
            } catch (JdbiException e) {
                if (!Transient.is(e) || shuttingDown() || System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                    throw failure(action, e);
                }
                sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 5_000);
            }
        }
    }

    /**
     * True while this JVM runs its shutdown hooks: H2 then closes its databases, and a write made on the way out
     * (a worker giving its units back) fails at once instead of holding the exit up for {@link #RETRY_FOR}.
     */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Waits before trying a database operation again; an interrupt becomes a {@link StoreException}. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database", e);
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
