package dev.workbench.app;

import dev.workbench.export.Manifest;
import dev.workbench.store.ExportRow;
import dev.workbench.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A file of an exported model ({@code model.zip} or {@code manifest.json}) found on disk for a download.
 *
 * @param downloadName {@code trial-3-refit-model.zip} or {@code trial-3-fold-1-manifest.json}: distinct names
 *                     in a downloads folder
 */
public record ExportFile(Path path, String contentType, String downloadName) {

    private static final Map<String, String> TYPES = Map.of(
            Manifest.MODEL_FILE, "application/zip",
            Manifest.FILE, "application/json");

    static ExportFile find(Store store, long exportId, String file) {
        String type = TYPES.get(file);
        if (type == null) {
            throw new NotFoundException("an export has only " + Manifest.MODEL_FILE + " and " + Manifest.FILE);
        }
        ExportRow export = store.exports()
                .byId(exportId)
                .orElseThrow(() -> new NotFoundException("no export with id " + exportId));
        Path path = Path.of(export.directory(), file);
        if (!Files.isRegularFile(path)) {
            throw new NotFoundException("export " + exportId + " no longer has its " + file + " on disk");
        }
        String model = "trial-" + export.trialIndex() + (export.fold() == null ? "-refit" : "-fold-" + export.fold());
        return new ExportFile(path, type, model + "-" + file);
    }
}
