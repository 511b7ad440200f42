package dev.workbench.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the GPUs {@code nvidia-smi} lists can run ND4J 1.0.0-M2.1's CUDA 11.6 binaries. Those carry
 * machine code for sm_37, 50, 52, 60, 61, 70, 75, 80 and 86 and no PTX, so a GPU runs them only if some
 * listed architecture has its major version and a minor version no higher than its own: Kepler K80 up
 * to Ampere and Ada (8.9), but not Hopper (H100/H200, 9.0) or newer.
 */
public final class GpuSupport {

    /** The {@code nvidia-smi} query this class parses, one GPU per line: {@code name, major.minor}. */
    public static final List<String> QUERY =
            List.of("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader");

    private static final int[][] BUILT = {{3, 7}, {5, 0}, {5, 2}, {6, 0}, {6, 1}, {7, 0}, {7, 5}, {8, 0}, {8, 6}};

    /**
     * One GPU.
     *
     * @param name  as nvidia-smi prints it
     * @param major compute capability major version
     * @param minor compute capability minor version
     */
    public record Gpu(String name, int major, int minor) {

        /** True when ND4J's released CUDA binaries contain code this GPU can run. */
        public boolean supported() {
            for (int[] arch : BUILT) {
                if (arch[0] == major && arch[1] <= minor) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return name + " (compute capability " + major + "." + minor + ")";
        }
    }

    private GpuSupport() {}

    /** The GPUs in {@code nvidia-smi} output; lines that do not parse are skipped. */
    public static List<Gpu> parse(String output) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : output.strip().split("\\R")) {
            int comma = line.lastIndexOf(',');
            if (comma < 0) {
                continue;
            }
            String[] version = line.substring(comma + 1).trim().split("\\.");
            try {
                gpus.add(new Gpu(
                        line.substring(0, comma).trim(),
                        Integer.parseInt(version[0]),
                        version.length > 1 ? Integer.parseInt(version[1]) : 0));
            } catch (NumberFormatException e) {
                // not a GPU line (e.g. an error message)
            }
        }
        return gpus;
    }

    /**
     * Why the CUDA backend cannot be used with these GPUs, or empty when it can: no GPU at all, or the
     * first GPU without code in the released binaries.
     */
    public static Optional<String> problem(List<Gpu> gpus) {
        if (gpus.isEmpty()) {
            return Optional.of("no NVIDIA GPU found (nvidia-smi lists none, or is not installed)");
        }
        return gpus.stream()
                .filter(g -> !g.supported())
                .findFirst()
                .map(g -> g
                        + " is not supported by ND4J 1.0.0-M2.1's CUDA binaries (code for sm_37 to sm_86 only, no PTX;"
                        + " Hopper GPUs such as H100/H200 need ND4J built from source for sm_90)");
    }
}
