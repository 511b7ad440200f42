package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.export.ModelExporter;
import dev.workbench.testing.SyntheticMnist;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Export → manifest → reload (through predict) on the real CLI, and predict on image and IDX files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class ExportPredictTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private CliHarness cli;
    private Path exported;
    private JsonNode manifest;

    @BeforeAll
    void runAndExport(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        cli = new CliHarness(dir);
        CliHarness.Result run =
                cli.runWithDb("run", cli.spec("tiny", CliHarness.TINY).toString(), "--parallel", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliHarness.Result export = cli.runWithDb("export", "tiny");
        assertThat(export.exitCode()).as(export.err()).isZero();
        exported = dir.resolve("db/models/tiny");
        try (Stream<Path> children = Files.list(exported)) {
            exported = children.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(export.out())
                .contains("outputs identical, test metrics identical")
                .contains(exported.toString());
        assertThat(export.err()).as("the run stored its refit model").doesNotContain("refitting");
        manifest = JSON.readTree(exported.resolve("manifest.json").toFile());
    }

    @Test
    void default_export_is_the_best_trials_stored_refit_with_a_complete_manifest() throws IOException {
        JsonNode doc = cli.showJson("tiny");
        int best = doc.at("/refit/trial_index").asInt();
        assertThat(exported.getFileName().toString()).isEqualTo("trial-" + best + "-refit");
        try (Stream<Path> files = Files.list(exported.getParent())) {
            assertThat(files).as("no temporary folder left").hasSize(1);
        }
        assertThat(manifest.at("/model/kind").asText()).isEqualTo("refit");
        assertThat(manifest.at("/model/trial_index").asInt()).isEqualTo(best);
        assertThat(manifest.at("/model/sha256").asText())
                .isEqualTo(ModelExporter.sha256(exported.resolve("model.zip")));
        assertThat(manifest.at("/model/matches_stored_run").asBoolean()).isTrue();
        assertThat(manifest.at("/model/epochs").asInt()).isEqualTo(2);
        JsonNode trial = doc.at("/trials/" + best);
        assertThat(manifest.get("params")).isEqualTo(trial.get("params"));
        assertThat(manifest.at("/seeds/experiment").asLong()).isEqualTo(11);
        assertThat(manifest.at("/seeds/trial").asLong())
                .isEqualTo(trial.get("seed").asLong());
        assertThat(manifest.at("/seeds/model").asLong())
                .isEqualTo(doc.at("/refit/seed").asLong());
        assertThat(manifest.get("spec")).isEqualTo(doc.at("/experiment/spec"));
        assertThat(manifest.at("/input/height").asInt()).isEqualTo(28);
        assertThat(manifest.at("/input/classes").asInt()).isEqualTo(10);
        assertThat(manifest.at("/normalization/mode").asText()).isEqualTo("scale");
        assertThat(manifest.at("/normalization/std").asDouble()).isEqualTo(1.0);
        assertThat(manifest.at("/scores/metric").asText()).isEqualTo("val_accuracy");
        assertThat(manifest.at("/scores/cv")).isEqualTo(trial.get("score"));
        assertThat(manifest.at("/test/accuracy").asDouble())
                .isEqualTo(doc.at("/refit/test_accuracy").asDouble());
        assertThat(manifest.at("/test/loss").asDouble())
                .isEqualTo(doc.at("/refit/test_loss").asDouble());
        assertThat(manifest.at("/test/count").asInt()).isEqualTo(100);
        assertThat(manifest.at("/reload_check/mismatches").asInt()).isZero();
        assertThat(manifest.at("/reload_check/test_identical").asBoolean()).isTrue();
        assertThat(manifest.at("/provenance/run/software/deeplearning4j").asText())
                .isEqualTo("1.0.0-M2.1");
        assertThat(manifest.at("/provenance/run/data_files")).hasSize(4);
        assertThat(manifest.at("/provenance/trial/seed").asLong())
                .isEqualTo(trial.get("seed").asLong());
        assertThat(doc.get("exports")).anySatisfy(e -> {
            assertThat(e.get("fold").isNull()).isTrue();
            assertThat(e.get("zip_sha256").asText())
                    .isEqualTo(manifest.at("/model/sha256").asText());
            assertThat(e.get("directory").asText()).isEqualTo(exported.toString());
        });
    }

    @Test
    void predict_on_the_idx_test_set_reloads_the_model_and_reproduces_the_test_accuracy() throws IOException {
        Path idx = dir.resolve("idx");
        CliHarness.Result r = cli.run(
                "predict",
                exported.resolve("model.zip").toString(),
                idx.resolve(SyntheticMnist.TEST_IMAGES).toString(),
                idx.resolve(SyntheticMnist.TEST_LABELS).toString(),
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("predictions")).hasSize(100);
        assertThat(doc.get("labelled").asInt()).isEqualTo(100);
        assertThat(doc.get("accuracy").asDouble())
                .isEqualTo(manifest.at("/test/accuracy").asDouble());

        CliHarness.Result found = cli.run(
                "predict",
                exported.resolve("model.zip").toString(),
                idx.resolve(SyntheticMnist.TEST_IMAGES).toString());
        assertThat(found.out())
                .as("labels found beside the images")
                .contains("accuracy "
                        + String.format("%.4f", manifest.at("/test/accuracy").asDouble()) + " (");
    }

    @Test
    void predict_on_images_handles_inverted_and_wrong_sized_pictures_and_reports_bad_files() throws IOException {
        byte[] digit = SyntheticMnist.image(3, new SplittableRandom(7));
        Path plain = write("3-plain.png", gray(digit, false), "png");
        Path inverted = write("3-inverted.png", gray(digit, true), "png");
        Path big = write("3-big.png", scaled(gray(digit, true), 100, 120), "png");
        Path jpeg = write("3-plain.jpg", gray(digit, false), "jpg");
        Path bad = Files.writeString(dir.resolve("5-notes.png"), "not an image");

        CliHarness.Result r = cli.run(
                "predict",
                exported.resolve("model.zip").toString(),
                plain.toString(),
                inverted.toString(),
                big.toString(),
                jpeg.toString(),
                bad.toString(),
                "--json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: " + bad + ": not a PNG or JPEG image");
        JsonNode p = JSON.readTree(r.out()).get("predictions");
        assertThat(p).hasSize(5);
        assertThat(p.get(0).get("label").asInt()).isEqualTo(3);
        assertThat(p.get(1).get("predicted"))
                .as("ink on paper is inverted back exactly")
                .isEqualTo(p.get(0).get("predicted"));
        assertThat(p.get(1).get("probability")).isEqualTo(p.get(0).get("probability"));
        assertThat(p.get(2).get("predicted"))
                .as("a 100x120 picture is brought to 28x28")
                .isEqualTo(p.get(0).get("predicted"));
        assertThat(p.get(3).get("predicted")).as("JPEG").isEqualTo(p.get(0).get("predicted"));
        assertThat(p.get(4).get("error").asText()).contains("5-notes.png");
        assertThat(p.get(4).get("predicted").isNull()).isTrue();

        CliHarness.Result text =
                cli.run("predict", exported.resolve("model.zip").toString(), plain.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out())
                .contains("3-plain.png")
                .containsPattern("accuracy (0|1)\\.0000 \\(\\d of 1 labelled inputs\\)");
    }

    @Test
    void a_chosen_fold_model_is_retrained_from_its_seed_and_matches_the_stored_curve() throws IOException {
        Path out = dir.resolve("fold-export");
        CliHarness.Result r = cli.runWithDb("export", "tiny", "--trial", "1", "--fold", "0", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode fold = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(fold.at("/model/kind").asText()).isEqualTo("fold");
        assertThat(fold.at("/model/fold").asInt()).isZero();
        assertThat(fold.at("/model/matches_stored_run").asBoolean()).isTrue();
        JsonNode stored = cli.showJson("tiny").at("/trials/1/folds/0");
        assertThat(fold.at("/seeds/model").asLong())
                .isEqualTo(stored.get("seed").asLong());
        assertThat(fold.at("/scores/fold_epochs")).hasSize(2);
        assertThat(fold.at("/scores/fold_epochs/1/val_accuracy")).isEqualTo(stored.at("/epochs/1/val_accuracy"));

        assertThat(cli.runWithDb("export", "tiny", "--trial", "9").err()).contains("has no trial 9");
        assertThat(cli.runWithDb("export", "tiny", "--trial", "9").exitCode()).isEqualTo(2);
        assertThat(cli.run("predict", out.resolve("missing.zip").toString(), "x.png")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void an_experiment_run_without_refit_is_refitted_at_export_and_the_refit_is_stored() throws IOException {
        CliHarness other = new CliHarness(dir.resolve("norefit"));
        Path spec = other.spec("tiny", CliHarness.TINY.replace("refit: true", "refit: false"));
        assertThat(other.runWithDb("run", spec.toString(), "--parallel", "2").exitCode())
                .isZero();
        assertThat(other.showJson("tiny").get("refit").isNull()).isTrue();

        CliHarness.Result r = other.runWithDb("export", "tiny");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: refitting trial");
        JsonNode doc = other.showJson("tiny");
        assertThat(doc.at("/refit/status").asText()).isEqualTo("done");
        JsonNode refitted = JSON.readTree(dir.resolve("norefit/db/models/tiny/trial-"
                        + doc.at("/refit/trial_index").asInt() + "-refit/manifest.json")
                .toFile());
        assertThat(refitted.at("/test/accuracy").asDouble())
                .isEqualTo(doc.at("/refit/test_accuracy").asDouble());
        assertThat(refitted.at("/model/matches_stored_run").isNull())
                .as("nothing stored to compare with")
                .isTrue();

        CliHarness.Result again = other.runWithDb("export", "tiny", "--force");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("refitting");
        assertThat(JSON.readTree(dir.resolve("norefit/db/models/tiny/trial-"
                                        + doc.at("/refit/trial_index").asInt() + "-refit/manifest.json")
                                .toFile())
                        .at("/model/matches_stored_run")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void export_never_touches_a_folder_holding_other_files_and_replaces_an_export_only_with_force() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("users-folder"));
        Path precious = Files.writeString(mine.resolve("thesis.tex"), "do not delete");
        CliHarness.Result refused = cli.runWithDb("export", "tiny", "--out", mine.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .contains("is not empty")
                .contains("holds no workbench export")
                .contains("new or empty folder")
                .doesNotContain("at dev.");
        try (Stream<Path> files = Files.list(mine)) {
            assertThat(files).containsExactly(precious);
        }
        assertThat(Files.readString(precious)).isEqualTo("do not delete");

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(cli.runWithDb("export", "tiny", "--out", file.toString()).err())
                .contains("is not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");

        Path out = dir.resolve("replaced");
        assertThat(cli.runWithDb("export", "tiny", "--out", out.toString()).exitCode())
                .isZero();
        Path note = Files.writeString(out.resolve("notes.txt"), "mine");
        CliHarness.Result twice = cli.runWithDb("export", "tiny", "--out", out.toString());
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("already holds a workbench export").contains("--force");
        CliHarness.Result forced = cli.runWithDb("export", "tiny", "--out", out.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("model.zip", "manifest.json", "notes.txt");
        }
        assertThat(Files.readString(note)).isEqualTo("mine");
    }

    @Test
    void predict_refuses_an_image_too_large_to_decode_from_its_header_and_classifies_the_others() throws IOException {
        Path bomb = pngBomb(dir.resolve("bomb.png"), 40_000, 40_000);
        assertThat(Files.size(bomb)).isLessThan(400_000);
        Path plain = write("7-ok.png", gray(SyntheticMnist.image(7, new SplittableRandom(3)), false), "png");

        CliHarness.Result r = cli.run(
                "predict", exported.resolve("model.zip").toString(), bomb.toString(), plain.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains(bomb + ": the image is 40000x40000 pixels")
                .contains("at most")
                .doesNotContain("Error")
                .doesNotContain("\tat ");
        JsonNode p = JSON.readTree(r.out()).get("predictions");
        assertThat(p).hasSize(2);
        assertThat(p.get(0).get("predicted").isNull()).isTrue();
        assertThat(p.get(1).get("predicted").isInt()).isTrue();
    }

    /** A valid 1-bit grayscale PNG of {@code width × height} white pixels: tiny on disk, huge once decoded. */
    private static Path pngBomb(Path file, int width, int height) throws IOException {
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(
                idat, new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION))) {
            byte[] row = new byte[1 + (width + 7) / 8];
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 1)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(out, "IHDR", header.array());
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(java.io.DataOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        out.writeInt(data.length);
        out.writeBytes(type);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    private static BufferedImage gray(byte[] pixels, boolean invert) {
        BufferedImage image = new BufferedImage(SyntheticMnist.SIZE, SyntheticMnist.SIZE, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < pixels.length; i++) {
            int v = invert ? 255 - (pixels[i] & 0xFF) : pixels[i] & 0xFF;
            image.setRGB(i % SyntheticMnist.SIZE, i / SyntheticMnist.SIZE, v << 16 | v << 8 | v);
        }
        return image;
    }

    /** The image scaled up 3x, off-centre on a white canvas of another size and aspect ratio. */
    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(image, 5, 20, 5 + 84, 20 + 84, 0, 0, 28, 28, null);
        g.dispose();
        return out;
    }

    private Path write(String name, BufferedImage image, String format) throws IOException {
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        return file;
    }
}
