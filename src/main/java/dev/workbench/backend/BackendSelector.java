package dev.workbench.backend;

import dev.workbench.UserInputException;
import dev.workbench.provenance.BackendInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.nd4j.common.config.ND4JClassLoading;

/**
 * Chooses and prepares the ND4J backend before anything else loads ND4J. The user asks for one with
 * {@value #ENV} (or {@code -D}{@value #PROPERTY}): {@code cpu} (default) or {@code cuda}. CUDA is used
 * only when this build contains ND4J's CUDA backend ({@code mvn -Pcuda}) and every GPU {@code nvidia-smi}
 * lists can run its binaries ({@link GpuSupport}); otherwise the CPU backend runs and the reason is kept
 * for the start-up message and provenance. When the CPU is chosen in a CUDA build, the CUDA backend is
 * hidden from ND4J's backend discovery, which would otherwise prefer it. Unless the user set it,
 * JavaCPP's resident-memory check ({@value #MAX_PHYSICAL_BYTES}) is switched off.
 */
public final class BackendSelector {

    public static final String ENV = "WORKBENCH_BACKEND";
    /**
     * JavaCPP's cap on the whole process's resident memory. While it is positive, every native allocation
     * (ND4J makes several per operation, for shape information) reads the resident size under a global
     * lock: 6% of the training threads' time in a profile of the default experiment. Off-heap memory stays
     * capped by {@code org.bytedeco.javacpp.maxBytes} (default: the Java heap limit), a cheap counter.
     */
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    public static final String PROPERTY = "workbench.backend";
    static final String CUDA_BACKEND_CLASS = "org/nd4j/linalg/jcublas/JCublasBackend.class";
    private static final String BACKEND_SERVICE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

    /**
     * The decision.
     *
     * @param requested what the user asked for, {@code cpu} or {@code cuda}
     * @param cuda      whether the CUDA backend will run
     * @param fallback  why a CUDA request runs on the CPU instead; empty otherwise
     */
    public record Choice(String requested, boolean cuda, String fallback) {}

    private final String requested;
    private final boolean cudaInBuild;
    private final Supplier<String> nvidiaSmi;

    BackendSelector(String requested, boolean cudaInBuild, Supplier<String> nvidiaSmi) {
        this.requested = requested == null || requested.isBlank()
                ? "cpu"
                : requested.trim().toLowerCase(Locale.ROOT);
        this.cudaInBuild = cudaInBuild;
        this.nvidiaSmi = nvidiaSmi;
        if (!this.requested.equals("cpu") && !this.requested.equals("cuda")) {
            throw new UserInputException(ENV + ": expected 'cpu' or 'cuda', got '" + requested + "'");
        }
    }

    /** A selector for what the environment asks, this class path and this machine's GPUs. */
    public static BackendSelector fromEnvironment() {
        String asked = System.getProperty(PROPERTY, System.getenv(ENV));
        boolean cudaInBuild = BackendSelector.class.getClassLoader().getResource(CUDA_BACKEND_CLASS) != null;
        return new BackendSelector(asked, cudaInBuild, BackendSelector::queryGpus);
    }

    Choice choose() {
        if (requested.equals("cpu")) {
            return new Choice(requested, false, "");
        }
        if (!cudaInBuild) {
            return new Choice(
                    requested,
                    false,
                    "this build has no CUDA backend; build it with `mvn -Pcuda package`" + " (the launcher does so for "
                            + ENV + "=cuda)");
        }
        return GpuSupport.problem(GpuSupport.parse(nvidiaSmi.get()))
                .map(problem -> new Choice(requested, false, problem))
                .orElse(new Choice(requested, true, ""));
    }

    /** Chooses, sets the chosen backend up and loads it; returns what is loaded, for provenance. */
    public BackendInfo prepare() {
        Choice choice = choose();
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
        if (choice.cuda()) {
            return CudaBackend.prepare(choice);
        }
        if (cudaInBuild) {
            hideCudaBackend();
        }
        CpuBackend cpu = new CpuBackend();
        cpu.prepare();
        return cpu.describe().withRequest(choice.requested(), choice.fallback());
    }

    /** Makes ND4J's backend discovery skip the CUDA backend's service entry. */
    private static void hideCudaBackend() {
        ClassLoader parent = ND4JClassLoading.getNd4jClassloader();
        ND4JClassLoading.setNd4jClassloader(new ClassLoader(parent) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> urls = Collections.list(parent.getResources(name));
                if (name.equals(BACKEND_SERVICE)) {
                    urls.removeIf(url -> url.toString().contains("nd4j-cuda"));
                }
                return Collections.enumeration(urls);
            }
        });
    }

    /** {@code nvidia-smi}'s answer to {@link GpuSupport#QUERY}, or "" when it is missing or fails. */
    private static String queryGpus() {
        try {
            Process process = new ProcessBuilder(GpuSupport.QUERY)
                    .redirectErrorStream(true)
                    .start();
            try (InputStream in = process.getInputStream()) {
                String output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "";
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
