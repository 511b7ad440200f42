package dev.workbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes the full stack trace of an unexpected error to a file, so that the terminal gets one line
 * saying what failed and where the trace is ({@code results/logs/crash-<time>-<pid>.log}; the system
 * temporary folder when that cannot be written).
 */
final class CrashLog {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private CrashLog() {}

    /** The one line to print for {@code error}, after writing its trace under {@code dir}. */
    static String report(Throwable error, Path dir, String commandLine) {
        String what = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + firstLine(error));
        Path file = write(error, dir, commandLine);
        return "internal error: " + what + " (a bug in the workbench, not in your input; "
                + (file == null ? "the trace could not be written" : "full trace in " + file) + ")";
    }

    private static Path write(Throwable error, Path dir, String commandLine) {
        StringWriter trace = new StringWriter();
        trace.append(commandLine).append(System.lineSeparator());
        error.printStackTrace(new PrintWriter(trace));
        String name = "crash-" + LocalDateTime.now().format(STAMP) + "-"
                + ProcessHandle.current().pid() + ".log";
        for (Path folder : new Path[] {dir, Path.of(System.getProperty("java.io.tmpdir"))}) {
            try {
                Files.createDirectories(folder);
                return Files.writeString(folder.resolve(name), trace.toString());
            } catch (IOException | RuntimeException e) {
                // try the next folder
            }
        }
        return null;
    }

    private static String firstLine(Throwable error) {
        String message = error.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
