package dev.workbench.provenance;

import java.util.List;
import java.util.Objects;

/**
 * The numeric backend a unit was trained on, for provenance (results change with it).
 *
 * @param backend      ND4J backend name, {@code CPU} or {@code CUDA}
 * @param nativeBuild  the native build actually loaded, e.g. {@code linux-x86_64-onednn-avx2}
 * @param buildFlags   feature flags of the loaded native library, e.g. {@code HAVE_ONEDNN}
 * @param oneDnn       whether the native library uses oneDNN
 * @param layerHelpers whether DL4J's oneDNN layer helpers are enabled (conv/pooling fast path)
 * @param blasVendor   BLAS library, e.g. {@code OPENBLAS} or {@code CUBLAS}
 * @param ompThreads   OpenMP threads per operation ({@code OMP_NUM_THREADS})
 * @param maxThreads   ND4J's maximum number of native threads
 * @param device       the GPU for CUDA (name and compute capability), empty for the CPU
 * @param requested    the backend the user asked for ({@code WORKBENCH_BACKEND}): {@code cpu} or {@code cuda}
 * @param fallback     why a CUDA request runs on the CPU, empty otherwise
 */
public record BackendInfo(
        String backend,
        String nativeBuild,
        List<String> buildFlags,
        boolean oneDnn,
        boolean layerHelpers,
        String blasVendor,
        int ompThreads,
        int maxThreads,
        String device,
        String requested,
        String fallback) {

    public BackendInfo {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(nativeBuild, "nativeBuild");
        buildFlags = List.copyOf(buildFlags);
        Objects.requireNonNull(blasVendor, "blasVendor");
        // absent from provenance stored before backends could be chosen, when every run was on the CPU
        device = Objects.requireNonNullElse(device, "");
        requested = Objects.requireNonNullElse(requested, "cpu");
        fallback = Objects.requireNonNullElse(fallback, "");
    }

    /** The same backend, recording what was asked for and why it differs. */
    public BackendInfo withRequest(String requested, String fallback) {
        return new BackendInfo(
                backend,
                nativeBuild,
                buildFlags,
                oneDnn,
                layerHelpers,
                blasVendor,
                ompThreads,
                maxThreads,
                device,
                requested,
                fallback);
    }

    /** One line for the start of a run, e.g. {@code CPU linux-x86_64-onednn-avx2, oneDNN layer helpers on}. */
    public String summary() {
        String what = backend.equals("CPU")
                ? backend + " " + nativeBuild + ", oneDNN layer helpers " + (layerHelpers ? "on" : "off")
                : backend + " " + nativeBuild + " on " + device;
        return fallback.isEmpty() ? what : what + " (" + requested + " requested, but " + fallback + ")";
    }
}
