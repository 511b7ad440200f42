package dev.workbench.backend;

import dev.workbench.provenance.BackendInfo;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets up ND4J's CUDA backend ({@code nd4j-cuda-11.6}, present only in the {@code -Pcuda} build) and
 * describes it. Uses only backend-neutral ND4J calls, so it compiles in the CPU build too. DL4J M2.1 has
 * no cuDNN layer helpers, so convolutions run ND4J's own im2col + cuBLAS kernels.
 */
final class CudaBackend {

    private static final String ND4J_CUDA_LIBRARY = "jnind4jcuda";

    private CudaBackend() {}

    static BackendInfo prepare(BackendSelector.Choice choice) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        DeferredDeallocator.install();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = String.valueOf(env.getOrDefault("backend", "unknown"));
        if (!backend.equals("CUDA")) {
            throw new IllegalStateException("ND4J loaded the " + backend + " backend although CUDA was chosen");
        }
        String buildInfo = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
        List<String> flags = buildInfo
                .lines()
                .map(String::trim)
                .filter(l -> l.startsWith("HAVE_"))
                .toList();
        return new BackendInfo(
                backend,
                CpuBackend.loadedBuild(ND4J_CUDA_LIBRARY),
                flags,
                false,
                false,
                String.valueOf(env.getOrDefault("blas.vendor", "CUBLAS")),
                0,
                Nd4j.getEnvironment().maxThreads(),
                device(env),
                choice.requested(),
                choice.fallback());
    }

    /** The first device ND4J reports, e.g. {@code NVIDIA A100-SXM4-40GB (compute capability 8.0)}. */
    private static String device(Properties env) {
        Object devices = env.get("cuda.devicesInformation");
        if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            return first.get("cuda.deviceName") + " (compute capability " + first.get("cuda.deviceMajor") + "."
                    + first.get("cuda.deviceMinor") + ")";
        }
        return "unknown GPU";
    }
}
