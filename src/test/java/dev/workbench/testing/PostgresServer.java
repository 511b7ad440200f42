package dev.workbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server for tests, shared by every test of the JVM: the one named by env
 * {@code WORKBENCH_TEST_PG_URL} (an admin URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}),
 * or else a throw-away cluster started with the Debian binaries ({@code initdb}, {@code pg_ctl}) on a free
 * loopback port, as the {@code postgres} user when the tests run as root, and stopped at JVM exit.
 * Without binaries the calling test is skipped, or fails when {@code WORKBENCH_TESTS_REQUIRE_ALL=true}.
 */
public final class PostgresServer {

    private static PostgresServer shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String adminUrl;
    private final Cluster cluster;

    private PostgresServer(String adminUrl, Cluster cluster) {
        this.adminUrl = adminUrl;
        this.cluster = cluster;
    }

    /** The shared server, started on first use; skips (or fails) the calling test when there is none. */
    public static synchronized PostgresServer get() {
        if (shared == null) {
            String external = System.getenv("WORKBENCH_TEST_PG_URL");
            if (external != null && !external.isBlank()) {
                shared = new PostgresServer(external, null);
            } else {
                Optional<Path> bin = binaries();
                if (bin.isEmpty()) {
                    String why =
                            "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin "
                                    + "or on PATH; install the Debian package 'postgresql' or set WORKBENCH_TEST_PG_URL";
                    if ("true".equals(System.getenv("WORKBENCH_TESTS_REQUIRE_ALL"))) {
                        throw new IllegalStateException(why);
                    }
                    Assumptions.abort(why);
                }
                Cluster cluster = Cluster.start(bin.get());
                shared = new PostgresServer(cluster.adminUrl(), cluster);
            }
        }
        return shared;
    }

    /** A JDBC URL of a new, empty database on the server. */
    public String newDatabase(String prefix) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet())
                .toLowerCase()
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(adminUrl)) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?');
        return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    /** Whether this server is a cluster the tests started, so they may stop and start it. */
    public boolean restartable() {
        return cluster != null;
    }

    /** Stops the cluster (fast shutdown: open connections are cut). */
    public void stop() {
        cluster.pgCtl("-m", "fast", "stop");
    }

    /** Starts the stopped cluster again on the same port. */
    public void start() {
        cluster.pgCtl("start");
    }

    private static Optional<Path> binaries() {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .forEach(found::add);
        } catch (IOException e) {
            // no Debian layout; try PATH below
        }
        found.sort(Comparator.comparing(Path::toString));
        if (!found.isEmpty()) {
            return Optional.of(found.get(found.size() - 1));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(Path::of)
                .filter(p -> Files.isExecutable(p.resolve("pg_ctl")) && Files.isExecutable(p.resolve("initdb")))
                .findFirst();
    }

    /** A cluster in a temporary directory, run as {@code postgres} when this JVM is root. */
    private record Cluster(Path bin, Path dir, int port, boolean asPostgres) {

        static Cluster start(Path bin) {
            try {
                Path dir = Files.createTempDirectory("workbench-pg");
                boolean root = "root".equals(System.getProperty("user.name"));
                Cluster c = new Cluster(bin, dir, freePort(), root);
                if (root) {
                    run(List.of("chown", "postgres", dir.toString()));
                }
                c.as(bin.resolve("initdb") + " -D " + dir.resolve("data") + " -A trust -U postgres -E UTF8 --no-sync");
                c.pgCtl("start");
                Runtime.getRuntime().addShutdownHook(new Thread(c::destroy));
                return c;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String adminUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        }

        void pgCtl(String... args) {
            String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                    + " -c max_connections=400 -c full_page_writes=off";
            String command = bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -l " + dir.resolve("server.log")
                    + " -w -t 60 -o '" + options + "' " + String.join(" ", args);
            as(command);
        }

        void destroy() {
            try {
                pgCtl("-m", "immediate", "stop");
            } catch (RuntimeException e) {
                // already stopped
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // leave the temporary directory
            }
        }

        private void as(String shellCommand) {
            run(
                    asPostgres
                            ? List.of("su", "postgres", "-s", "/bin/sh", "-c", shellCommand)
                            : List.of("sh", "-c", shellCommand));
        }

        private static void run(List<String> command) {
            try {
                Process p =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("failed: " + command + "\n" + out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
