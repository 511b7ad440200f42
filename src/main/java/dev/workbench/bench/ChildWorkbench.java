package dev.workbench.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code workbench run SPEC --new} in a fresh JVM, on a throw-away database, the way a user
 * would (same Java, class path, heap and collector settings as this JVM; one native thread per unit), so its wall
 * time and peak memory are the experiment's alone.
 */
final class ChildWorkbench {

    private final String mainClass;
    private final Path dataDir;
    private final Path workDir;
    private int runs;

    /** {@code main}: the workbench's command-line entry point, handed down by the command that runs the benchmark. */
    ChildWorkbench(Class<?> main, Path dataDir, Path workDir) {
        this.mainClass = main.getName();
        this.dataDir = dataDir;
        this.workDir = workDir;
    }

    /** Runs the spec with {@code parallel} units at a time. */
    ProcessRun.Result run(Path spec, int parallel) {
        int run = ++runs;
        String db = database(run);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(ChildWorkbench::inherited)
                .forEach(command::add);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                mainClass,
                "run",
                spec.toAbsolutePath().toString(),
                "--new",
                "--parallel",
                Integer.toString(parallel),
                "--db",
                db,
                "--data-dir",
                dataDir.toAbsolutePath().toString()));
        return ProcessRun.run(
                command,
                Map.of("OMP_NUM_THREADS", "1", "OPENBLAS_NUM_THREADS", "1"),
                workDir.resolve("workbench-run-" + run + ".log"));
    }

    /** Whether a JVM option of this process is one the child gets too: heap sizes, the collector, properties. */
    static boolean inherited(String option) {
        return option.startsWith("-Xm")
                || option.startsWith("-Dorg.")
                || option.startsWith("-Dworkbench.")
                || option.startsWith("-XX:Max")
                || (option.startsWith("-XX:+Use") && option.endsWith("GC"));
    }

    /** The JDBC URL of the database the latest run wrote. */
    String lastDatabase() {
        return database(runs);
    }

    private String database(int run) {
        return "jdbc:h2:file:"
                + workDir.resolve("db-" + run).resolve("workbench").toAbsolutePath();
    }
}
