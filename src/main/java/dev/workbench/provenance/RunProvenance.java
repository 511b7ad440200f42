package dev.workbench.provenance;

import java.time.Instant;
import java.util.List;

/**
 * What an experiment run was made from and on, stored with the experiment (each resume records its
 * own). Rows written by older versions lack some fields: those read back as null.
 *
 * @param specSha256           SHA-256 of the canonical spec JSON
 * @param software             workbench, DL4J/ND4J, Java and OS versions
 * @param backend              the numeric backend, its native build and thread count
 * @param parallel             units trained at once
 * @param javaVersion          Java runtime version (also in {@code software}; kept for older readers)
 * @param os                   operating system and architecture in one string
 * @param dataFiles            SHA-256 and size of every dataset file read
 * @param foldAssignmentSha256 hash of the fold of every training row
 * @param startedAt            when this run (or resume) started
 * @param finishedAt           when it ended; null while running
 */
public record RunProvenance(
        String specSha256,
        SoftwareVersions software,
        BackendInfo backend,
        Integer parallel,
        String javaVersion,
        String os,
        List<DataFileHash> dataFiles,
        String foldAssignmentSha256,
        Instant startedAt,
        Instant finishedAt) {

    public RunProvenance {
        dataFiles = dataFiles == null ? List.of() : List.copyOf(dataFiles);
    }

    /** The provenance of a run starting now in this process. */
    public static RunProvenance starting(
            String specSha256,
            BackendInfo backend,
            int parallel,
            List<DataFileHash> dataFiles,
            String foldAssignmentSha256) {
        SoftwareVersions software = SoftwareVersions.current();
        return new RunProvenance(
                specSha256,
                software,
                backend,
                parallel,
                software.javaVersion(),
                software.os() + " " + software.arch(),
                dataFiles,
                foldAssignmentSha256,
                Instant.now(),
                null);
    }

    /** The same, stamped finished now. */
    public RunProvenance finished() {
        return new RunProvenance(
                specSha256,
                software,
                backend,
                parallel,
                javaVersion,
                os,
                dataFiles,
                foldAssignmentSha256,
                startedAt,
                Instant.now());
    }
}
