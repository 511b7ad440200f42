package dev.workbench.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Says how the environment of a re-run differs from a stored run in what can change its numbers:
 * dataset files, fold assignment, workbench and DL4J/ND4J versions, the backend, its native build and
 * the native thread count. Other fields the stored run did not record are skipped.
 */
public final class ProvenanceCheck {

    private ProvenanceCheck() {}

    /** One line per difference, empty when nothing that matters differs. */
    public static List<String> differences(RunProvenance stored, RunProvenance now) {
        List<String> out = new ArrayList<>();
        dataFiles(stored.dataFiles(), now.dataFiles(), out);
        compare("fold assignment hash", stored.foldAssignmentSha256(), now.foldAssignmentSha256(), out);
        if (stored.software() == null) {
            out.add("the run was stored by a workbench that recorded no version of itself (before 0.1.0's provenance);"
                    + " how it computed metrics may differ from this version");
        } else if (now.software() != null) {
            compare(
                    "workbench version",
                    stored.software().workbench(),
                    now.software().workbench(),
                    out);
            compare(
                    "workbench commit",
                    stored.software().gitCommit(),
                    now.software().gitCommit(),
                    out);
            compare(
                    "DL4J version",
                    stored.software().deeplearning4j(),
                    now.software().deeplearning4j(),
                    out);
            compare("ND4J version", stored.software().nd4j(), now.software().nd4j(), out);
        }
        if (stored.backend() != null && now.backend() != null) {
            compare("ND4J backend", stored.backend().backend(), now.backend().backend(), out);
            compare(
                    "ND4J native build",
                    stored.backend().nativeBuild(),
                    now.backend().nativeBuild(),
                    out);
            compare(
                    "native threads per unit (OMP_NUM_THREADS)",
                    stored.backend().ompThreads(),
                    now.backend().ompThreads(),
                    out);
        }
        return out;
    }

    private static void dataFiles(List<DataFileHash> stored, List<DataFileHash> now, List<String> out) {
        Map<String, DataFileHash> current =
                now.stream().collect(Collectors.toMap(DataFileHash::role, Function.identity(), (a, b) -> a));
        for (DataFileHash s : stored) {
            DataFileHash n = current.get(s.role());
            if (n != null && !s.sha256().equals(n.sha256())) {
                out.add("dataset file " + s.role() + " changed: SHA-256 was "
                        + s.sha256().substring(0, 12) + "..., now " + n.sha256().substring(0, 12) + "...");
            }
        }
    }

    private static void compare(String what, Object stored, Object now, List<String> out) {
        if (stored != null && now != null && !Objects.equals(stored, now)) {
            out.add(what + " was " + stored + ", now " + now);
        }
    }
}
