package dev.workbench.cli;

import dev.workbench.app.Workbench;
import dev.workbench.app.WorkbenchConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by commands that touch the results database or the data directory. */
final class StoreOptions {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Results database (default: H2 file results/workbench.mv.db).")
    String dbUrl;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where datasets are kept (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    Workbench workbench() {
        return new Workbench(WorkbenchConfig.of(dataDir, dbUrl));
    }
}
