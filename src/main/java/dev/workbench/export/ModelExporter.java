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
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a model as {@code model.zip} plus {@code manifest.json} into a checked {@link ExportTarget},
 * all or nothing: both files are written into a staging folder inside the target, the zip is reloaded
 * and checked against the model in memory ({@link ReloadCheck}), and only then are the two files moved
 * into place (replacing a previous export's two files when allowed). A failed check or write leaves
 * nothing behind, and nothing the workbench did not write is ever deleted.
 */
public final class ModelExporter {

    private final ObjectMapper json;

    /** {@code json} writes the manifest (the workbench's snake_case settings). */
    public ModelExporter(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Exports {@code model} into {@code target}; {@code draft} is completed with the zip's SHA-256, the
     * model's result on {@code test} and the reload check.
     *
     * @throws ExportException when writing fails or the reloaded model differs in any output
     */
    public Manifest export(TrainedModel model, ArrayData test, Manifest draft, ExportTarget target) {
        Path temp = null;
        try {
            temp = target.stage();
            Path zip = temp.resolve(Manifest.MODEL_FILE);
            model.save(zip);
            Evaluation onTest = model.evaluate(test);
            ReloadCheck check = ReloadCheck.run(model, zip, test, onTest);
            if (!check.passed()) {
                throw new ExportException("reload check failed for " + target.dir() + ": " + check.describe());
            }
            Manifest manifest = draft.completed(
                    sha256(zip), new Manifest.TestResult(onTest.loss(), onTest.accuracy(), onTest.count()), check);
            json.writeValue(temp.resolve(Manifest.FILE).toFile(), manifest);
            target.place(temp);
            temp = null;
            return manifest;
        } catch (IOException | UncheckedIOException e) {
            throw new ExportException("cannot write export to " + target.dir() + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                target.discard(temp);
            }
        }
    }

    /** SHA-256 of a file as lowercase hex. */
    public static String sha256(Path file) {
        try (DigestInputStream in =
                new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
