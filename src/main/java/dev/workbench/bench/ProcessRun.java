package dev.workbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a child process to completion, timing it and sampling its memory from {@code /proc/<pid>/status}
 * (Linux): {@code VmHWM}, the peak resident set, and {@code VmRSS} every {@value #SAMPLE_MILLIS} ms.
 * Its output goes to a log file, quoted when the process fails.
 */
final class ProcessRun {

    static final long SAMPLE_MILLIS = 250;

    /**
     * What a finished run measured.
     *
     * @param seconds   wall time from start to exit
     * @param peakBytes peak resident set ({@code VmHWM}); 0 when /proc could not be read
     * @param rssBytes  resident set samples, in time order
     * @param output    everything the process printed
     */
    record Result(double seconds, long peakBytes, List<Long> rssBytes, String output) {
        Result {
            rssBytes = List.copyOf(rssBytes);
        }

        /** The largest RSS sample in each quarter of the run (empty with fewer than 4 samples). */
        List<Long> quarterPeaks() {
            int n = rssBytes.size();
            List<Long> peaks = new ArrayList<>();
            for (int q = 0; n >= 4 && q < 4; q++) {
                peaks.add(rssBytes.subList(q * n / 4, (q + 1) * n / 4).stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0));
            }
            return peaks;
        }
    }

    private ProcessRun() {}

    /** Runs {@code command} with extra environment variables; throws {@link BenchException} unless it exits 0. */
    static Result run(List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            long peak = 0;
            List<Long> rss = new ArrayList<>();
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            while (!process.waitFor(SAMPLE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, statusKb(status, "VmHWM:").orElse(0L) * 1024);
                statusKb(status, "VmRSS:").ifPresent(kb -> rss.add(kb * 1024));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new BenchException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                        + " ... exited with " + process.exitValue() + ":\n" + tail(output));
            }
            return new Result(seconds, peak, rss, output);
        } catch (IOException e) {
            throw new BenchException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while waiting for " + command.get(0));
        }
    }

    /** A {@code /proc/<pid>/status} field in kB, if the file can be read. */
    private static Optional<Long> statusKb(Path status, String field) {
        try {
            return Files.readAllLines(status).stream()
                    .filter(l -> l.startsWith(field))
                    .map(l -> Long.parseLong(
                            l.substring(field.length()).replace("kB", "").trim()))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 15), lines.length));
    }
}
