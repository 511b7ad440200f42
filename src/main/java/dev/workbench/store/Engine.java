package dev.workbench.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.workbench.StoreException;
import java.io.Closeable;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The two database engines the results database runs on: embedded H2 (one machine) and PostgreSQL
 * (many machines). Each knows its connection pool and its Flyway migration folders.
 */
enum Engine {
    H2("classpath:db/migration"),
    POSTGRESQL("classpath:db/migration", "classpath:db/postgresql");

    private final List<String> locations;

    Engine(String... locations) {
        this.locations = List.of(locations);
    }

    /** The engine of a JDBC URL, or an error naming the URL. */
    static Engine of(String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new StoreException(
                "not an H2 or PostgreSQL JDBC URL (jdbc:h2:... or jdbc:postgresql://HOST:PORT/DB): " + jdbcUrl, null);
    }

    /** Flyway locations: the shared migrations, then (PostgreSQL) the ones whose SQL must differ. */
    String[] migrationLocations() {
        return locations.toArray(String[]::new);
    }

    /** A pool of at most {@code maxConnections} connections to {@code jdbcUrl}. */
    Pool pool(String jdbcUrl, int maxConnections) {
        if (this == H2) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(durableH2(jdbcUrl), "sa", "");
            pool.setMaxConnections(maxConnections);
            return new Pool(pool, pool::dispose);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        config.setPoolName("workbench");
        HikariDataSource pool = new HikariDataSource(config);
        return new Pool(pool, pool::close);
    }

    /**
     * H2 writes commits to its file up to a second late by default; a killed run would then lose more than
     * the epoch in progress. {@code WRITE_DELAY=0} writes each commit out as it happens.
     */
    static String durableH2(String jdbcUrl) {
        boolean inMemory = jdbcUrl.startsWith("jdbc:h2:mem:");
        boolean explicit = jdbcUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=");
        return inMemory || explicit ? jdbcUrl : jdbcUrl + ";WRITE_DELAY=0";
    }

    /** An open pool and how to close it. */
    record Pool(DataSource dataSource, Closeable closer) implements AutoCloseable {
        @Override
        public void close() {
            try {
                closer.close();
            } catch (java.io.IOException e) {
                throw new StoreException("could not close the database pool: " + e.getMessage(), e);
            }
        }
    }
}
