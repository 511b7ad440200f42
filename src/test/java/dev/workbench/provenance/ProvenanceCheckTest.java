package dev.workbench.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceCheckTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    private static RunProvenance run(String trainImages, String dl4j, int ompThreads) {
        SoftwareVersions software =
                new SoftwareVersions("0.1.0", "t", "c", dl4j, "1.0.0-M2.1", "17", "v", "Linux", "amd64");
        BackendInfo backend = new BackendInfo(
                "CPU", "linux-x86_64", List.of(), false, false, "OPENBLAS", ompThreads, 1, "", "cpu", "");
        return new RunProvenance(
                A,
                software,
                backend,
                2,
                "17",
                "Linux amd64",
                List.of(new DataFileHash("train-images", trainImages, 10), new DataFileHash("train-labels", A, 5)),
                A,
                null,
                null);
    }

    @Test
    void sameEnvironmentHasNoDifferences() {
        assertThat(ProvenanceCheck.differences(run(A, "1.0.0-M2.1", 1), run(A, "1.0.0-M2.1", 1)))
                .isEmpty();
    }

    @Test
    void changedDataLibraryAndThreadCountAreEachReported() {
        assertThat(ProvenanceCheck.differences(run(A, "1.0.0-M2", 1), run(B, "1.0.0-M2.1", 2)))
                .containsExactly(
                        "dataset file train-images changed: SHA-256 was aaaaaaaaaaaa..., now bbbbbbbbbbbb...",
                        "DL4J version was 1.0.0-M2, now 1.0.0-M2.1",
                        "native threads per unit (OMP_NUM_THREADS) was 1, now 2");
    }

    @Test
    void aRunStoredWithoutWorkbenchVersionIsFlaggedAndOtherMissingFieldsSkipped() {
        RunProvenance legacy = new RunProvenance(
                null,
                null,
                null,
                2,
                "17",
                "Linux amd64",
                List.of(new DataFileHash("train-images", A, 10)),
                null,
                null,
                null);
        assertThat(ProvenanceCheck.differences(legacy, run(A, "1.0.0-M2.1", 1)))
                .singleElement()
                .asString()
                .startsWith("the run was stored by a workbench that recorded no version of itself");
    }

    @Test
    void anotherWorkbenchBuildIsReported() {
        RunProvenance stored = run(A, "1.0.0-M2.1", 1);
        SoftwareVersions other =
                new SoftwareVersions("0.2.0", "t", "d", "1.0.0-M2.1", "1.0.0-M2.1", "17", "v", "Linux", "amd64");
        RunProvenance now = new RunProvenance(
                A, other, stored.backend(), 2, "17", "Linux amd64", stored.dataFiles(), A, null, null);
        assertThat(ProvenanceCheck.differences(stored, now))
                .containsExactly("workbench version was 0.1.0, now 0.2.0", "workbench commit was c, now d");
    }

    @Test
    void libraryVersionsAreReadFromTheJarsAndTheBuildStamp() {
        SoftwareVersions v = SoftwareVersions.current();
        assertThat(v.deeplearning4j()).isEqualTo("1.0.0-M2.1");
        assertThat(v.nd4j()).isEqualTo("1.0.0-M2.1");
        assertThat(v.workbench()).isEqualTo("0.1.0");
        assertThat(v.buildTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(v.javaVersion()).isEqualTo(System.getProperty("java.version"));
    }
}
