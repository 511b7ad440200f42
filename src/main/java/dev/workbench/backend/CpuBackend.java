package dev.workbench.backend;

import dev.workbench.provenance.BackendInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the ND4J CPU backend for fast, reproducible training. Call {@link #prepare()} once, before
 * any other code touches ND4J or DL4J; calling it again is harmless.
 *
 * <p>It (a) enables DL4J's oneDNN layer helpers ({@value #HELPERS_DISABLE}{@code =false}, unless the
 * user set that property), (b) unless the user set {@value #PLATFORM_EXTENSION}, selects the
 * {@code -onednn-avx2} native build when the CPU has AVX2 and the generic build otherwise, (c) makes
 * FLOAT the default data type and (d) installs the {@link DeferredDeallocator}. The helpers also need the {@code org.nd4j.nativeblas.Nd4jCpu} shim
 * shipped with this project.
 */
public final class CpuBackend {

    /** DL4J's switch for its layer helpers (defaults to {@code true}, i.e. disabled, in M2.1). */
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";
    /** JavaCPP's suffix for the native build, e.g. {@code -onednn-avx2}. */
    public static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";

    static final String ONEDNN_AVX2 = "-onednn-avx2";
    private static final String ND4J_LIBRARY = "jnind4jcpu";
    private static final Logger LOG = LoggerFactory.getLogger(CpuBackend.class);

    private final Path cpuInfo;

    /** A backend that reads the CPU flags from {@code /proc/cpuinfo}. */
    public CpuBackend() {
        this(Path.of("/proc/cpuinfo"));
    }

    CpuBackend(Path cpuInfo) {
        this.cpuInfo = cpuInfo;
    }

    /**
     * Sets the system properties and default data types and loads the native library; must run before
     * ND4J first loads (it logs a warning when it finds a different build already loaded).
     */
    public void prepare() {
        if (System.getProperty(HELPERS_DISABLE) == null) {
            System.setProperty(HELPERS_DISABLE, "false");
        }
        if (System.getProperty(PLATFORM_EXTENSION) == null) {
            System.setProperty(PLATFORM_EXTENSION, extensionFor(hasAvx2()));
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        DeferredDeallocator.install();
        Nd4j.getExecutioner(); // loads the native library now, so a wrong build is reported here
        String wanted = System.getProperty(PLATFORM_EXTENSION, "");
        if (!loadedBuild().endsWith(wanted)) {
            LOG.warn(
                    "ND4J loaded the {} native build, not the {} one: something loaded ND4J before"
                            + " CpuBackend.prepare()",
                    loadedBuild(),
                    Loader.getPlatform() + wanted);
        }
    }

    /**
     * The JavaCPP extension to load. Left unset, JavaCPP would take the first build on the class path in
     * the preset's order ({@code -onednn}, {@code -onednn-avx512}, {@code -onednn-avx2}, ...), i.e. the
     * AVX2 build even on CPUs without AVX2; the empty extension forces the generic build.
     */
    static String extensionFor(boolean avx2) {
        return avx2 ? ONEDNN_AVX2 : "";
    }

    /** The directory name of the loaded ND4J native library, e.g. {@code linux-x86_64-onednn-avx2}. */
    static String loadedBuild() {
        return loadedBuild(ND4J_LIBRARY);
    }

    /** The directory name of a loaded JavaCPP library, or {@code unknown}. */
    static String loadedBuild(String libraryName) {
        String library = Loader.getLoadedLibraries().get(libraryName);
        return library == null
                ? "unknown"
                : Path.of(library).getParent().getFileName().toString();
    }

    /** True when the CPU flags list {@code avx2}; false when they cannot be read. */
    public boolean hasAvx2() {
        try {
            return cpuFlagsHaveAvx2(Files.readString(cpuInfo));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean cpuFlagsHaveAvx2(String cpuInfoText) {
        return cpuInfoText.lines().filter(line -> line.startsWith("flags")).anyMatch(line -> Arrays.asList(
                        line.split("[\\s:]+"))
                .contains("avx2"));
    }

    /** What is loaded now, for provenance; loads ND4J if it is not loaded yet. */
    public BackendInfo describe() {
        var env = Nd4j.getExecutioner().getEnvironmentInformation();
        String buildInfo = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
        List<String> flags = buildInfo
                .lines()
                .map(String::trim)
                .filter(l -> l.startsWith("HAVE_"))
                .toList();
        boolean oneDnn = org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN();
        return new BackendInfo(
                String.valueOf(env.getOrDefault("backend", "unknown")),
                loadedBuild(),
                flags,
                oneDnn,
                oneDnn && !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE, "true")),
                String.valueOf(env.getOrDefault("blas.vendor", "unknown")),
                Integer.parseInt(String.valueOf(env.getOrDefault("omp.threads", "0"))),
                Nd4j.getEnvironment().maxThreads(),
                "",
                "cpu",
                "");
    }
}
