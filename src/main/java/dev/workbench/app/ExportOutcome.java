package dev.workbench.app;

import dev.workbench.export.Manifest;
import java.nio.file.Path;

/**
 * A finished export.
 *
 * @param directory the folder holding {@code model.zip} and {@code manifest.json}
 * @param refitted  whether the refit model had to be trained now (the run did not store one)
 */
public record ExportOutcome(Path directory, Manifest manifest, boolean refitted) {

    public Path modelZip() {
        return directory.resolve(Manifest.MODEL_FILE);
    }
}
