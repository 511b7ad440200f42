package dev.workbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.workbench.app.Json;
import dev.workbench.app.Workbench;
import dev.workbench.app.WorkbenchConfig;
import dev.workbench.export.Prediction;
import dev.workbench.export.Predictions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench predict MODEL.zip INPUT...}: classifies images with an exported model. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Classify PNG/JPEG images (any size; light backgrounds are inverted) or IDX image files with "
                + "an exported model. Prints class and probability per image, and accuracy when labels are known: "
                + "IDX labels, or a digit as the first character of an image's file name.")
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "MODEL.zip",
            description = "model.zip written by workbench export " + "(its manifest.json must be beside it).")
    Path model;

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "INPUT",
            description = "PNG or JPEG files, or IDX image "
                    + "files (each optionally followed by its IDX label file; t10k-labels-idx1-ubyte beside "
                    + "t10k-images-idx3-ubyte is found by itself).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Predictions result = new Workbench(WorkbenchConfig.of(Path.of("data"), null)).predict(model, inputs);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            out.println(Json.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        } else {
            table(result, out);
        }
        result.predictions().stream().filter(p -> p.error() != null).forEach(p -> err.println("error: " + p.error()));
        out.flush();
        err.flush();
        return result.errors() > 0 ? 2 : 0;
    }

    private static void table(Predictions result, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("input", "class", "probability", "label"));
        for (Prediction p : result.predictions()) {
            if (p.error() != null) {
                continue;
            }
            String name = p.index() == null ? p.input() : p.input() + "[" + p.index() + "]";
            String label = p.label() == null ? "" : p.label() + (p.correct() ? "" : "  wrong");
            rows.add(List.of(name, String.valueOf(p.predicted()), String.format("%.4f", p.probability()), label));
        }
        new TextTable(out).print(rows);
        if (result.accuracy() != null) {
            out.printf(
                    "accuracy %.4f (%d of %d labelled inputs)%n",
                    result.accuracy(), result.correct(), result.labelled());
        }
    }
}
