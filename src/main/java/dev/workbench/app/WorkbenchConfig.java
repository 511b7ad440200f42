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

    /** The given locations; a null database URL means the H2 file {@code results/workbench.mv.db}. */
    public static WorkbenchConfig of(Path dataDir, String dbUrl) {
        return new WorkbenchConfig(dataDir, dbUrl != null ? dbUrl : Store.fileUrl(Path.of("results", "workbench")));
    }
}
