package dev.workbench.cli;

import dev.workbench.WorkbenchException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Builds the picocli command tree and maps workbench errors to messages and exit codes. */
public final class Cli {

    private Cli() {}

    /** Where the traces of unexpected errors are written. */
    static final Path LOGS = Path.of("results", "logs");

    /** A ready command line: 0 on success, 2 for bad input, 1 for runtime failures. */
    public static CommandLine create() {
        return create(LOGS);
    }

    /** As {@link #create()}, writing traces of unexpected errors under {@code logs}. */
    static CommandLine create(Path logs) {
        CommandLine cli = new CommandLine(new WorkbenchCommand());
        cli.setExecutionExceptionHandler((e, command, parsed) -> handle(e, command, logs));
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> {
            try {
                return run.execute(parsed);
            } catch (Error e) {
                return handle(
                        e,
                        parsed.subcommands().isEmpty()
                                ? parsed.commandSpec().commandLine()
                                : parsed.subcommands()
                                        .get(parsed.subcommands().size() - 1)
                                        .commandSpec()
                                        .commandLine(),
                        logs);
            }
        });
        return cli;
    }

    /** A workbench error prints its message; anything else one line naming the log file with its trace. */
    private static int handle(Throwable e, CommandLine command, Path logs) {
        PrintWriter err = command.getErr();
        if (e instanceof WorkbenchException w) {
            err.println("error: " + w.getMessage());
            err.flush();
            return w.exitCode();
        }
        err.println(CrashLog.report(e, logs, command.getCommandSpec().qualifiedName()));
        err.flush();
        return 1;
    }
}
