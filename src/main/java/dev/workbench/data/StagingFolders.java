package dev.workbench.data;

import dev.workbench.DataException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hidden {@code .mnist-download-*} folders a fetch stages its files in. Each live fetch holds an
 * exclusive lock on the {@value MnistFetcher#LOCK_FILE} file in its folder; a folder whose lock can be
 * taken, or that has no lock file and is over an hour old, belongs to a fetch that was killed and is
 * removed by the next fetch. Nothing else in the data directory is touched.
 */
final class StagingFolders {

    static final String PREFIX = "." + MnistFetcher.SUBDIRECTORY + "-download-";
    private static final Duration UNLOCKED_GRACE = Duration.ofHours(1);

    private StagingFolders() {}

    /** A new staging folder in {@code dataDir}, locked until {@link Staging#close()}. */
    static Staging create(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path dir = Files.createTempDirectory(dataDir, PREFIX);
            FileChannel channel = FileChannel.open(
                    dir.resolve(MnistFetcher.LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new Staging(dir, channel, channel.lock());
        } catch (IOException e) {
            throw new DataException("cannot create a download folder in " + dataDir + ": " + e, e);
        }
    }

    /** Removes the staging folders of fetches that are no longer running. */
    static void removeStale(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        List<Path> candidates;
        try (Stream<Path> children = Files.list(dataDir)) {
            candidates = children.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
                    .toList();
        } catch (IOException e) {
            return;
        }
        candidates.stream().filter(StagingFolders::abandoned).forEach(StagingFolders::delete);
    }

    private static boolean abandoned(Path dir) {
        Path lockFile = dir.resolve(MnistFetcher.LOCK_FILE);
        try {
            if (!Files.exists(lockFile)) {
                return Files.getLastModifiedTime(dir)
                        .toInstant()
                        .isBefore(Instant.now().minus(UNLOCKED_GRACE));
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                    FileLock lock = channel.tryLock()) {
                return lock != null;
            }
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the next fetch tries again
        }
    }

    /** A locked staging folder; closing releases the lock and deletes the folder. */
    record Staging(Path dir, FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // the folder is deleted below either way
            }
            delete(dir);
        }
    }
}
