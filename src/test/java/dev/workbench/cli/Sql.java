package dev.workbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC reads of a results database from a test, beside the processes that write it. */
final class Sql {

    private Sql() {}

    /** The first column of every row as a long; empty when the database cannot be read right now. */
    static List<Long> longs(String url, String sql) {
        List<Long> out = new ArrayList<>();
        try (Connection c = url.startsWith("jdbc:h2:")
                        ? DriverManager.getConnection(url, "sa", "")
                        : DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            return List.of();
        }
        return out;
    }

    static long one(String url, String sql) {
        List<Long> values = longs(url, sql);
        return values.isEmpty() ? -1 : values.get(0);
    }

    /**
     * An H2 file that no process holds open yet (no lock file). Connecting to it would make this JVM open and
     * close it every poll, and a child opening it at that moment fails with "Lock file recently modified".
     */
    private static boolean unopenedH2File(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return false;
        }
        String path = url.substring(prefix.length()).split(";", 2)[0];
        return !Files.exists(Path.of(path + ".lock.db"));
    }

    /**
     * Polls {@code sql} every 20 ms until it reaches {@code atLeast}, for at most {@code seconds}; while
     * {@code watched} has not yet opened an H2 file, it waits without connecting.
     */
    static long awaitAtLeast(String url, String sql, long atLeast, int seconds, ChildWorkbench watched)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            long value = watched != null && unopenedH2File(url) ? -1 : one(url, sql);
            if (value >= atLeast) {
                return value;
            }
            if (watched != null && !watched.process().isAlive()) {
                throw new AssertionError(
                        "the process ended before " + sql + " reached " + atLeast + ":\n" + watched.output());
            }
            Thread.sleep(20);
        }
        throw new AssertionError(sql + " never reached " + atLeast + (watched == null ? "" : ":\n" + watched.output()));
    }
}
