package dev.workbench.cli;

import dev.workbench.app.Workbench;
import dev.workbench.app.WorkbenchConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by commands that touch the results database or the data directory. */
final class StoreOptions {

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description = "Results database: jdbc:h2:... or jdbc:postgresql://HOST:PORT/DB?user=... (default: the "
                    + "WORKBENCH_DB environment variable, else the H2 file results/workbench.mv.db).")
    String dbUrl;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "Where datasets are kept (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    Workbench workbench() {
        return new Workbench(config());
    }

    /** The locations: {@code --db}, else env {@code WORKBENCH_DB} (keeps passwords out of shell history), else the default. */
    WorkbenchConfig config() {
        String env = System.getenv("WORKBENCH_DB");
        return WorkbenchConfig.of(dataDir, dbUrl != null ? dbUrl : env == null || env.isBlank() ? null : env);
    }
}
