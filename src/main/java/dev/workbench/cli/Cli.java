package dev.workbench.cli;

import dev.workbench.WorkbenchException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the picocli command tree and maps workbench errors to messages and exit codes. */
public final class Cli {

    private Cli() {}

    /** A ready command line: 0 on success, 2 for bad input, 1 for runtime failures. */
    public static CommandLine create() {
        CommandLine cli = new CommandLine(new WorkbenchCommand());
        cli.setExecutionExceptionHandler(Cli::handle);
        return cli;
    }

    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof WorkbenchException w) {
            err.println("error: " + w.getMessage());
            err.flush();
            return w.exitCode();
        }
        err.println("internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }
}
