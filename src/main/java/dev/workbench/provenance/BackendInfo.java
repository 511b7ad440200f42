package dev.workbench.provenance;

import java.util.List;
import java.util.Objects;

/**
 * The numeric backend a unit was trained on, for provenance (results change with it).
 *
 * @param backend      ND4J backend name, e.g. {@code CPU}
 * @param nativeBuild  the native build actually loaded, e.g. {@code linux-x86_64-onednn-avx2}
 * @param buildFlags   feature flags of the loaded native library, e.g. {@code HAVE_ONEDNN}
 * @param oneDnn       whether the native library uses oneDNN
 * @param layerHelpers whether DL4J's oneDNN layer helpers are enabled (conv/pooling fast path)
 * @param blasVendor   BLAS library, e.g. {@code OPENBLAS}
 * @param ompThreads   OpenMP threads per operation ({@code OMP_NUM_THREADS})
 * @param maxThreads   ND4J's maximum number of native threads
 */
public record BackendInfo(
        String backend,
        String nativeBuild,
        List<String> buildFlags,
        boolean oneDnn,
        boolean layerHelpers,
        String blasVendor,
        int ompThreads,
        int maxThreads) {

    public BackendInfo {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(nativeBuild, "nativeBuild");
        buildFlags = List.copyOf(buildFlags);
        Objects.requireNonNull(blasVendor, "blasVendor");
    }
}
