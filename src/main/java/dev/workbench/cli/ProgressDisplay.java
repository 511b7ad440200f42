package dev.workbench.cli;

import dev.workbench.app.RunListener;
import dev.workbench.metrics.EpochMetrics;
import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows download and training progress as a progress bar with ETA on standard error. */
final class ProgressDisplay implements RunListener, AutoCloseable {

    private final PrintWriter err;
    private ProgressBar download;
    private ProgressBar training;

    ProgressDisplay(PrintWriter err) {
        this.err = err;
    }

    private ProgressBar bar(String task, long max, String unit, long unitSize) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(unit, unitSize)
                .setUpdateIntervalMillis(1000)
                .setSpeedUnit(java.time.temporal.ChronoUnit.MINUTES)
                .showSpeed()
                .setMaxRenderedLength(110)
                .setConsumer(new DelegatingProgressBarConsumer(
                        line -> {
                            err.print('\r' + line);
                            err.flush();
                        },
                        110))
                .build();
    }

    @Override
    public synchronized void backend(String description) {
        err.println("Backend: " + description);
        err.flush();
    }

    @Override
    public synchronized void downloading(long bytes, long total) {
        if (download == null) {
            download = bar("Fetching MNIST", Math.max(total, 1), " MB", 1_000_000);
        }
        download.stepTo(bytes);
    }

    @Override
    public synchronized void started(String experiment, boolean resumed, int pendingUnits, int doneUnits, long epochs) {
        closeDownload();
        err.println((resumed ? "Resuming '" : "Running '") + experiment + "': " + pendingUnits + " fold runs to train"
                + (doneUnits > 0 ? ", " + doneUnits + " already done" : ""));
        err.flush();
        training = bar("Training", Math.max(epochs, 1), " epochs", 1);
    }

    @Override
    public synchronized void epoch(int trial, int fold, EpochMetrics m) {
        if (training == null) {
            return;
        }
        training.setExtraMessage(
                fold < 0
                        ? String.format(" refit trial %d: test acc %.4f", trial, m.valAccuracy())
                        : String.format(" trial %d fold %d: val acc %.4f", trial, fold, m.valAccuracy()));
        training.step();
    }

    @Override
    public synchronized void planned(long done, long epochs) {
        if (training != null) {
            training.maxHint(Math.max(epochs, 1));
            training.stepTo(done);
        }
    }

    @Override
    public synchronized void warning(String message) {
        if (training != null) {
            err.println();
        }
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public synchronized void trialFailed(int trial, String error) {
        err.println();
        err.println("trial " + trial + " failed: " + error);
        err.flush();
    }

    private void closeDownload() {
        if (download != null) {
            download.close();
            download = null;
            err.println();
        }
    }

    @Override
    public synchronized void close() {
        closeDownload();
        if (training != null) {
            training.close();
            training = null;
            err.println();
            err.flush();
        }
    }
}
