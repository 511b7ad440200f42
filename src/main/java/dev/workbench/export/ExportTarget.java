package dev.workbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder an export is written to, checked before any work so that nothing the workbench did not
 * write is ever deleted or overwritten. Accepted: a folder that does not exist yet, an empty folder, or
 * (only with {@code replace}) a folder holding a previous workbench export, recognised by a
 * {@code manifest.json} whose {@code model.sha256} is the SHA-256 of the {@code model.zip} beside it.
 * Only those two files are ever replaced; anything else in the folder is left alone.
 */
public final class ExportTarget {

    private static final String PARTIAL = ".workbench-export-partial-";

    private final Path dir;
    private final boolean replace;
    private boolean created;

    private ExportTarget(Path dir, boolean replace) {
        this.dir = dir;
        this.replace = replace;
    }

    /**
     * Checks {@code dir}; {@code replace} allows overwriting a previous export there.
     *
     * @throws UserInputException (exit 2) naming why the folder cannot be used and what to do
     */
    public static ExportTarget check(Path dir, boolean replace) {
        ExportTarget target = new ExportTarget(dir.toAbsolutePath().normalize(), replace);
        target.verify();
        return target;
    }

    /** The folder, absolute. */
    public Path dir() {
        return dir;
    }

    private void verify() {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + " exists and is not a folder; give --out a new or empty folder");
        }
        List<Path> entries = entries();
        if (entries.isEmpty()) {
            return;
        }
        if (!holdsExport()) {
            throw new UserInputException(dir + " is not empty (" + entries.size() + " entries, e.g. '"
                    + entries.get(0).getFileName() + "') and holds no workbench export; export never writes into "
                    + "a folder with other files: give --out a new or empty folder");
        }
        if (!replace) {
            throw new UserInputException(dir + " already holds a workbench export; add --force to replace its "
                    + Manifest.MODEL_FILE + " and " + Manifest.FILE + " (nothing else there is touched), "
                    + "or give --out another folder");
        }
    }

    private List<Path> entries() {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> !p.getFileName().toString().startsWith(PARTIAL))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    /** True when the folder has a manifest.json naming the SHA-256 of the model.zip beside it. */
    private boolean holdsExport() {
        Path manifest = dir.resolve(Manifest.FILE);
        Path zip = dir.resolve(Manifest.MODEL_FILE);
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(zip)) {
            return false;
        }
        try {
            JsonNode doc = new ObjectMapper().readTree(manifest.toFile());
            String sha = doc.path("model").path("sha256").asText("");
            return doc.has("format") && !sha.isEmpty() && sha.equals(ModelExporter.sha256(zip));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** A new, empty staging folder inside the target (the target is created when missing). */
    Path stage() throws IOException {
        created = !Files.exists(dir);
        Files.createDirectories(dir);
        return Files.createDirectory(
                dir.resolve(PARTIAL + ProcessHandle.current().pid() + "-" + System.nanoTime()));
    }

    /**
     * Moves the zip, then the manifest, from {@code staged} into the folder, after checking it again (another
     * process may have written there meanwhile); the staging folder is then empty.
     */
    void place(Path staged) throws IOException {
        verify();
        for (String name : List.of(Manifest.MODEL_FILE, Manifest.FILE)) {
            Files.move(
                    staged.resolve(name),
                    dir.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        Files.delete(staged);
    }

    /** Removes the staging folder and its files, and the target folder too when this export created it and it is empty. */
    void discard(Path staged) {
        if (staged != null) {
            try (Stream<Path> files = Files.walk(staged)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a leftover staging folder is named .workbench-export-partial-*
            }
        }
        if (created && entries().isEmpty()) {
            dir.toFile().delete();
        }
    }
}
