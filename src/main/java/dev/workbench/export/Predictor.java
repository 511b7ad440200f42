package dev.workbench.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.DataException;
import dev.workbench.UserInputException;
import dev.workbench.data.IdxReader;
import dev.workbench.data.ImageSet;
import dev.workbench.data.Normalization;
import dev.workbench.data.Normalizer;
import dev.workbench.train.Evaluation;
import dev.workbench.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies images with an exported model: PNG/JPEG files (see {@link DigitImage}) and IDX image files,
 * normalised as in training with the statistics in the {@code manifest.json} beside the model. A file
 * that cannot be read becomes a {@link Prediction} with an error; the others are still classified.
 */
public final class Predictor implements AutoCloseable {

    private final Path zip;
    private final Manifest manifest;
    private final TrainedModel model;
    private final Normalizer normalizer;

    private Predictor(Path zip, Manifest manifest, Normalizer normalizer, TrainedModel model) {
        this.zip = zip;
        this.manifest = manifest;
        this.normalizer = normalizer;
        this.model = model;
    }

    /** The training normalisation from the manifest; {@code scale} stores no means (all zero). */
    private static Normalizer normalizer(Manifest manifest, Path file) {
        Manifest.NormalizationStats n = manifest.normalization();
        Manifest.Input in = manifest.input();
        float[] means = new float[in.height() * in.width() * in.channels()];
        if (!n.means().isEmpty() && n.means().size() != means.length) {
            throw new UserInputException(file + ": normalization.means has "
                    + n.means().size() + " values for " + means.length + " input pixels");
        }
        for (int i = 0; i < n.means().size(); i++) {
            means[i] = n.means().get(i);
        }
        return Normalizer.of(Normalization.parse(n.mode()), means, n.std());
    }

    /**
     * Opens {@code zip} and the {@code manifest.json} beside it.
     *
     * @throws UserInputException when the manifest is missing or unreadable, or the zip is not a model
     */
    public static Predictor open(Path zip, ObjectMapper json) {
        Path file = zip.toAbsolutePath().resolveSibling(Manifest.FILE);
        if (!Files.isRegularFile(zip)) {
            throw new UserInputException(zip + ": no such model file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(zip + ": no " + Manifest.FILE + " beside it; predict needs the folder"
                    + " `workbench export` writes (it holds the input shape and normalisation)");
        }
        Manifest manifest;
        try {
            manifest = json.copy()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new UserInputException(file + ": not a workbench manifest: " + e.getMessage(), e);
        }
        Normalizer normalizer = normalizer(manifest, file);
        try {
            return new Predictor(
                    zip,
                    manifest,
                    normalizer,
                    TrainedModel.load(zip, manifest.model().inferenceBatchOrLegacy()));
        } catch (DataException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /** The manifest read beside the model. */
    public Manifest manifest() {
        return manifest;
    }

    /** Classifies every input, in order; an IDX image file may be followed by its IDX label file. */
    public Predictions predict(List<Path> inputs) {
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            int magic = IdxReader.magic(input);
            try {
                if (magic == IdxReader.IMAGES_MAGIC) {
                    boolean labelsNext =
                            i + 1 < inputs.size() && IdxReader.magic(inputs.get(i + 1)) == IdxReader.LABELS_MAGIC;
                    out.addAll(idx(input, labelsNext ? inputs.get(++i) : siblingLabels(input)));
                } else if (magic == IdxReader.LABELS_MAGIC) {
                    out.add(Prediction.failed(input.toString(), "an IDX label file must follow its IDX image file"));
                } else {
                    out.add(image(input));
                }
            } catch (DataException e) {
                out.add(Prediction.failed(input.toString(), e.getMessage()));
            } catch (OutOfMemoryError e) {
                out.add(Prediction.failed(
                        input.toString(),
                        input + ": not enough memory to read it (raise -Xmx in "
                                + "WORKBENCH_JAVA_OPTS or give a smaller file)"));
            }
        }
        return Predictions.of(zip.toString(), out);
    }

    private Prediction image(Path file) {
        Manifest.Input in = manifest.input();
        if (in.channels() != 1) {
            throw new DataException(file + ": the model takes " + in.channels() + "-channel input; only grayscale"
                    + " models can classify image files");
        }
        byte[] pixels = DigitImage.read(file, in.height(), in.width());
        ImageSet set = ImageSet.of(in.height(), in.width(), 1, pixels, new int[1]);
        Integer label = labelFromName(file);
        return classify(set, file.toString(), false, new Integer[] {label}).get(0);
    }

    private List<Prediction> idx(Path images, Path labels) {
        ImageSet set = labels == null ? IdxReader.readImages(images) : IdxReader.read(images, labels);
        Manifest.Input in = manifest.input();
        if (set.height() != in.height() || set.width() != in.width() || in.channels() != 1) {
            throw new DataException(images + ": images are " + set.height() + "x" + set.width()
                    + " but the model takes " + in.height() + "x" + in.width() + "x" + in.channels());
        }
        Integer[] known = new Integer[set.count()];
        for (int r = 0; r < known.length; r++) {
            known[r] = labels == null ? null : set.label(r);
        }
        return classify(set, images.toString(), true, known);
    }

    private List<Prediction> classify(ImageSet set, String name, boolean indexed, Integer[] labels) {
        List<Prediction> out = new ArrayList<>(set.count());
        int size = set.pixelsPerImage();
        int batch = model.inferenceBatch();
        for (int from = 0; from < set.count(); from += batch) {
            int n = Math.min(batch, set.count() - from);
            float[] rows = new float[n * size];
            for (int r = 0; r < n; r++) {
                normalizer.applyTo(set, from + r, rows, r * size);
            }
            float[][] probabilities = model.probabilities(rows, n);
            for (int r = 0; r < n; r++) {
                int best = Evaluation.predictedClass(probabilities[r]);
                out.add(new Prediction(
                        name, indexed ? from + r : null, labels[from + r], best, probabilities[r][best], null));
            }
        }
        return out;
    }

    /** The usual label file beside an image file: {@code t10k-images-idx3-ubyte} → {@code t10k-labels-idx1-ubyte}. */
    private static Path siblingLabels(Path images) {
        String name = images.getFileName().toString();
        if (!name.contains("images-idx3")) {
            return null;
        }
        Path labels = images.resolveSibling(name.replace("images-idx3", "labels-idx1"));
        return Files.isRegularFile(labels) ? labels : null;
    }

    /** A digit as the first character of the file name is the label, when the model has that class. */
    private Integer labelFromName(Path file) {
        char first = file.getFileName().toString().charAt(0);
        return first >= '0' && first <= '9' && first - '0' < manifest.input().classes() ? first - '0' : null;
    }

    @Override
    public void close() {
        model.close();
    }
}
