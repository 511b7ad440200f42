package dev.workbench.bench;

import dev.workbench.provenance.BackendInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line saying when and on what a benchmark ran, for the README table. */
final class Machine {

    private Machine() {}

    static String describe(BackendInfo backend) {
        return String.format(
                "workbench bench, %s, %s, %d CPU(s), Java %s, ND4J %s, %d native thread(s) per unit",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                backend.summary(),
                backend.ompThreads());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
