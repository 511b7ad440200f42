package dev.workbench.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.workbench.train.ArrayData;
import dev.workbench.train.Evaluation;
import dev.workbench.train.TrainedModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Writes a model as {@code model.zip} plus {@code manifest.json} into a folder, all or nothing: both
 * files are written into a temporary sibling folder, the zip is reloaded and checked against the model
 * in memory ({@link ReloadCheck}), and only then is the folder moved into place (replacing an earlier
 * export there). A failed check or write leaves nothing behind.
 */
public final class ModelExporter {

    private final ObjectMapper json;

    /** {@code json} writes the manifest (the workbench's snake_case settings). */
    public ModelExporter(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Exports {@code model} to {@code target}; {@code draft} is completed with the zip's SHA-256, the
     * model's result on {@code test} and the reload check.
     *
     * @throws ExportException when writing fails or the reloaded model differs in any output
     */
    public Manifest export(TrainedModel model, ArrayData test, Manifest draft, Path target) {
        Path parent = target.toAbsolutePath().normalize().getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createDirectory(parent.resolve("." + target.getFileName() + ".partial-"
                    + ProcessHandle.current().pid() + "-" + System.nanoTime()));
            Path zip = temp.resolve(Manifest.MODEL_FILE);
            model.save(zip);
            Evaluation onTest = model.evaluate(test);
            ReloadCheck check = ReloadCheck.run(model, zip, test, onTest);
            if (!check.passed()) {
                throw new ExportException("reload check failed for " + target + ": " + check.describe());
            }
            Manifest manifest = draft.completed(sha256(zip),
                    new Manifest.TestResult(onTest.loss(), onTest.accuracy(), onTest.count()), check);
            json.writeValue(temp.resolve(Manifest.FILE).toFile(), manifest);
            moveIntoPlace(temp, target.toAbsolutePath().normalize());
            temp = null;
            return manifest;
        } catch (IOException | UncheckedIOException e) {
            throw new ExportException("cannot write export to " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Renames {@code temp} to {@code target}, first moving an existing {@code target} aside. */
    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = temp.resolveSibling(temp.getFileName() + ".old");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteQuietly(old);
    }

    /** SHA-256 of a file as lowercase hex. */
    public static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary folder is named .<target>.partial-*
        }
    }
}
