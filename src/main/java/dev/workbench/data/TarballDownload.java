package dev.workbench.data;

import dev.workbench.DataException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Streams a {@code .tgz} over HTTP and extracts chosen entries of one folder, hashing them as written.
 * Every read, of the headers and of the body, fails after the read timeout without data, so a stalled
 * server cannot hang the fetch.
 */
final class TarballDownload {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final URI tarball;
    private final String folder;
    private final Duration readTimeout;

    /** @param folder the folder inside the archive holding the wanted files, for example {@code package/data/} */
    TarballDownload(URI tarball, String folder, Duration readTimeout) {
        this.tarball = tarball;
        this.folder = folder;
        this.readTimeout = readTimeout;
    }

    /**
     * Extracts the entries {@code folder + name} for each wanted name into {@code targetDir/name}.
     *
     * @return SHA-256 (hex) of each extracted file by name; wanted names not in the archive are absent
     */
    Map<String, String> extract(Set<String> wanted, Path targetDir, DownloadProgress progress) {
        HttpURLConnection connection = open();
        try (InputStream body = new Counting(connection.getInputStream(), connection.getContentLengthLong(), progress);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(body))) {
            Map<String, String> hashes = new HashMap<>();
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (entry.isFile() && name.startsWith(folder) && wanted.contains(name.substring(folder.length()))) {
                    String file = name.substring(folder.length());
                    hashes.put(file, copy(tar, targetDir.resolve(file)));
                }
            }
            return hashes;
        } catch (SocketTimeoutException e) {
            throw new DataException(
                    "download of " + tarball + " failed: no data for " + readTimeout.toSeconds()
                            + " s (the server stalled); try again later",
                    e);
        } catch (IOException e) {
            throw new DataException("download of " + tarball + " failed: " + e, e);
        } finally {
            connection.disconnect();
        }
    }

    private HttpURLConnection open() {
        try {
            HttpURLConnection connection = (HttpURLConnection) tarball.toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) Math.max(1, readTimeout.toMillis()));
            connection.setInstanceFollowRedirects(true);
            int status = connection.getResponseCode();
            if (status != 200) {
                connection.disconnect();
                throw new DataException("download of " + tarball + " failed: HTTP " + status);
            }
            return connection;
        } catch (SocketTimeoutException e) {
            throw new DataException(
                    "cannot download " + tarball + ": no answer within " + readTimeout.toSeconds() + " s", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new DataException("cannot download " + tarball + ": " + e, e);
        }
    }

    private static String copy(InputStream in, Path target) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            in.transferTo(out);
        }
        return Sha256.hex(digest);
    }

    /** Counts bytes read and reports them. */
    private static final class Counting extends FilterInputStream {
        private final long total;
        private final DownloadProgress progress;
        private long read;

        Counting(InputStream in, long total, DownloadProgress progress) {
            super(in);
            this.total = total;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            read += n;
            progress.update(read, total);
        }
    }
}
