package dev.workbench.data;

/** Receives download progress; {@code totalBytes} is -1 when the server did not announce a length. */
@FunctionalInterface
public interface DownloadProgress {

    /** Ignores all progress. */
    DownloadProgress NONE = (bytesRead, totalBytes) -> {};

    void update(long bytesRead, long totalBytes);
}
