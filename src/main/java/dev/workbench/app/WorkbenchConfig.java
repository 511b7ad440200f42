package dev.workbench.app;

import dev.workbench.store.Store;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the workbench keeps things.
 *
 * @param dataDir datasets ({@code data/} by default)
 * @param dbUrl   JDBC URL of the results database ({@code results/workbench.mv.db} by default)
 */
public record WorkbenchConfig(Path dataDir, String dbUrl) {

    public WorkbenchConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(dbUrl, "dbUrl");
    }

    /**
     * Where exported models go by default: {@code models/} beside the H2 file database
     * ({@code results/models/} for the default database), or {@code results/models/} for other databases.
     */
    public Path modelsDir() {
        String prefix = "jdbc:h2:file:";
        if (dbUrl.startsWith(prefix)) {
            String file = dbUrl.substring(prefix.length()).split(";", 2)[0];
            Path parent = Path.of(file).toAbsolutePath().getParent();
            if (parent != null) {
                return parent.resolve("models");
            }
        }
        return Path.of("results", "models");
    }

    /** The given locations; a null database URL means the H2 file {@code results/workbench.mv.db}. */
    public static WorkbenchConfig of(Path dataDir, String dbUrl) {
        return new WorkbenchConfig(dataDir, dbUrl != null ? dbUrl : Store.fileUrl(Path.of("results", "workbench")));
    }
}
