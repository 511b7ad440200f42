package dev.workbench.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The software a result was produced with: the workbench build (version, build time, git commit, as
 * stamped into {@code version.properties} by Maven), the DL4J and ND4J versions read from their jars'
 * {@code pom.properties}, the Java runtime and the operating system. A value that cannot be found is
 * {@code "unknown"}.
 *
 * @param gitCommit abbreviated commit the workbench was built from (uncommitted changes are not
 *                  recorded); {@code "unknown"} when built outside a git checkout
 */
public record SoftwareVersions(
        String workbench,
        String buildTime,
        String gitCommit,
        String deeplearning4j,
        String nd4j,
        String javaVersion,
        String javaVendor,
        String os,
        String arch) {

    static final String UNKNOWN = "unknown";
    private static final String DL4J_POM = "META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties";
    private static final String ND4J_POM = "META-INF/maven/org.nd4j/nd4j-api/pom.properties";

    /** What this process runs. */
    public static SoftwareVersions current() {
        Properties build = properties("version.properties");
        return new SoftwareVersions(
                stamped(build, "version"),
                stamped(build, "build.time"),
                stamped(build, "git.commit"),
                stamped(properties(DL4J_POM), "version"),
                stamped(properties(ND4J_POM), "version"),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    /** A property, or unknown when missing or left unfiltered (a {@code ${...}} placeholder). */
    private static String stamped(Properties p, String key) {
        String value = p.getProperty(key, "").trim();
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }

    private static Properties properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = SoftwareVersions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return p;
    }
}
