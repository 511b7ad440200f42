package dev.workbench.cli;

import dev.workbench.app.RunListener;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** A worker's progress as one time-stamped line per unit on standard error (no progress bar). */
final class WorkerLog implements RunListener {

    private final PrintWriter err;

    WorkerLog(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void backend(String description) {
        line("backend: " + description);
    }

    @Override
    public void unit(String line) {
        line(line);
    }

    @Override
    public void warning(String message) {
        line("warning: " + message);
    }

    @Override
    public void trialFailed(int trial, String error) {
        line("trial " + trial + " failed: " + error);
    }

    private synchronized void line(String text) {
        err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
        err.flush();
    }
}
