package dev.workbench.web;

import dev.workbench.export.Manifest;
import dev.workbench.store.ExportRow;
import dev.workbench.store.Store;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Serves the files of an exported model ({@code model.zip}, {@code manifest.json}) as downloads. */
final class ExportDownload {

    private static final Map<String, String> TYPES = Map.of(
            Manifest.MODEL_FILE, "application/zip",
            Manifest.FILE, "application/json");

    private ExportDownload() {}

    static void send(Context ctx, Store store, long exportId, String file) {
        String type = TYPES.get(file);
        if (type == null) {
            throw new NotFoundException("an export has only " + Manifest.MODEL_FILE + " and " + Manifest.FILE);
        }
        ExportRow export = store.exports().byId(exportId)
                .orElseThrow(() -> new NotFoundException("no export with id " + exportId));
        Path path = Path.of(export.directory(), file);
        if (!Files.isRegularFile(path)) {
            throw new NotFoundException("export " + exportId + " no longer has its " + file + " on disk");
        }
        try {
            ctx.contentType(type)
                    .header("Content-Disposition", "attachment; filename=\"" + fileName(export, file) + "\"")
                    .result(Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** {@code trial-3-refit-model.zip} or {@code trial-3-fold-1-manifest.json}: distinct names in a downloads folder. */
    private static String fileName(ExportRow export, String file) {
        String model = "trial-" + export.trialIndex() + (export.fold() == null ? "-refit" : "-fold-" + export.fold());
        return model + "-" + file;
    }
}
