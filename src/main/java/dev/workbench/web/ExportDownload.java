package dev.workbench.web;

import dev.workbench.app.ExportFile;
import dev.workbench.app.Results;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Serves the files of an exported model ({@code model.zip}, {@code manifest.json}) as downloads. */
final class ExportDownload {

    private ExportDownload() {}

    static void send(Context ctx, Results results, long exportId, String file) {
        ExportFile export = results.exportFile(exportId, file);
        try {
            ctx.contentType(export.contentType())
                    .header("Content-Disposition", "attachment; filename=\"" + export.downloadName() + "\"")
                    .result(Files.newInputStream(export.path()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + export.path(), e);
        }
    }
}
