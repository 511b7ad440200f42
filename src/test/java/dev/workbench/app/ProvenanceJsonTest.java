package dev.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.provenance.RunProvenance;
import org.junit.jupiter.api.Test;

class ProvenanceJsonTest {

    /** What the first version of the workbench stored with an experiment. */
    private static final String LEGACY =
            "{\"backend\":{\"backend\":\"CPU\",\"native_build\":\"linux-x86_64-onednn-avx2\","
                    + "\"build_flags\":[\"HAVE_ONEDNN\"],\"one_dnn\":true,\"layer_helpers\":true,\"blas_vendor\":\"OPENBLAS\","
                    + "\"omp_threads\":1,\"max_threads\":1},\"parallel\":2,\"java_version\":\"17.0.15\",\"os\":\"Linux amd64\","
                    + "\"data_files\":[{\"role\":\"train-images\",\"sha256\":\"" + "ab".repeat(32)
                    + "\",\"bytes\":47040016}],"
                    + "\"fold_assignment_sha256\":\"" + "cd".repeat(32) + "\"}";

    @Test
    void provenanceStoredByTheFirstVersionReadsWithNullsForNewFields() {
        RunProvenance p = new ProvenanceJson().run(LEGACY);
        assertThat(p.backend().nativeBuild()).isEqualTo("linux-x86_64-onednn-avx2");
        assertThat(p.dataFiles()).singleElement().satisfies(f -> assertThat(f.bytes())
                .isEqualTo(47040016));
        assertThat(p.software()).isNull();
        assertThat(p.specSha256()).isNull();
        assertThat(new ProvenanceJson().run(null)).isNull();
    }

    @Test
    void newProvenanceRoundTrips() {
        ProvenanceJson json = new ProvenanceJson();
        RunProvenance p = json.run(LEGACY);
        RunProvenance now = RunProvenance.starting(
                        "ef".repeat(32), p.backend(), 3, p.dataFiles(), p.foldAssignmentSha256())
                .finished();
        assertThat(json.run(json.write(now))).isEqualTo(now);
    }
}
