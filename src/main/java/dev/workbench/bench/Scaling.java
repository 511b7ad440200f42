package dev.workbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workbench.spec.LoadedSpec;
import dev.workbench.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code workbench bench scaling}: wall time of whole experiments as trials, folds, epochs and training
 * images grow, one axis at a time from a base point (the middle value of every axis). Each point is the
 * base spec with those four settings replaced (random search over the same space for the trial count,
 * no refit), run by {@code workbench run} in a fresh JVM. The base point runs first and again last;
 * the ratios use the mean of the two, so a drift in machine load shows instead of skewing them.
 */
public final class Scaling {

    private final ScalingOptions options;
    private final Class<?> workbenchMain;
    private final Path dataDir;
    private final Path workDir;
    private final PrintWriter out;
    private final ObjectMapper json = BenchJson.mapper();

    public Scaling(ScalingOptions options, Class<?> workbenchMain, Path dataDir, Path workDir, PrintWriter out) {
        this.workbenchMain = workbenchMain;
        this.options = options;
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.out = out;
    }

    /** A point of the table: trials, folds, epochs per unit and training images. */
    record Point(int trials, int folds, int epochs, int images) {
        String describe() {
            return trials + " trials x " + folds + " folds x " + epochs + " epochs on " + images + " images";
        }
    }

    /** Runs every point once (the base is shared by the four axes) and prints the table. */
    public void run() {
        LoadedSpec base = new SpecLoader().load(options.spec());
        Point middle = new Point(
                middle(options.trials()), middle(options.folds()), middle(options.epochs()), middle(options.images()));
        Map<Point, ProcessRun.Result> done = new LinkedHashMap<>();
        ChildWorkbench child = new ChildWorkbench(workbenchMain, dataDir, workDir);
        out.printf(
                "Scaling of %s (workbench run --parallel %d, fresh JVM each, no refit); base point: %s%n",
                options.spec(), options.units(), middle.describe());
        List<String> axes = List.of("trials", "folds", "epochs", "images");
        List<Point> points = new java.util.ArrayList<>(List.of(middle));
        axes.forEach(axis -> values(axis).forEach(v -> points.add(with(middle, axis, v))));
        long runs = points.stream().distinct().count() + 1;
        for (Point point : points) {
            done.computeIfAbsent(point, p -> run(child, base, p, done.size() + 1, runs));
        }
        double baseWall = (done.get(middle).seconds()
                        + run(child, base, middle, runs, runs).seconds())
                / 2;
        out.printf(
                "base point: %.1f s first, mean of first and last run %.1f s (the \"x base\" column)%n",
                done.get(middle).seconds(), baseWall);
        Table table = new Table("vary", "value", "units", "epochs x images", "wall s", "x base wall", "peak RSS MB");
        for (String axis : axes) {
            for (int value : values(axis)) {
                Point point = with(middle, axis, value);
                ProcessRun.Result run = done.get(point);
                table.row(
                        axis,
                        Integer.toString(value),
                        Integer.toString(point.trials() * point.folds()),
                        point.epochs() + " x " + point.images(),
                        String.format("%.1f", run.seconds()),
                        String.format("%.2f", run.seconds() / baseWall),
                        String.format("%,d", run.peakBytes() / (1024 * 1024)));
            }
        }
        table.print(out);
    }

    private ProcessRun.Result run(ChildWorkbench child, LoadedSpec base, Point p, long index, long runs) {
        out.printf("  [%d/%d] %s ...%n", index, runs, p.describe());
        out.flush();
        return child.run(write(base, p), options.units());
    }

    private List<Integer> values(String axis) {
        return switch (axis) {
            case "trials" -> options.trials();
            case "folds" -> options.folds();
            case "epochs" -> options.epochs();
            default -> options.images();
        };
    }

    private static Point with(Point p, String axis, int value) {
        return switch (axis) {
            case "trials" -> new Point(value, p.folds(), p.epochs(), p.images());
            case "folds" -> new Point(p.trials(), value, p.epochs(), p.images());
            case "epochs" -> new Point(p.trials(), p.folds(), value, p.images());
            default -> new Point(p.trials(), p.folds(), p.epochs(), value);
        };
    }

    private static int middle(List<Integer> values) {
        return values.get((values.size() - 1) / 2);
    }

    /** The base spec with the point's settings, as a JSON spec file (JSON is YAML). */
    private Path write(LoadedSpec base, Point p) {
        try {
            ObjectNode spec = (ObjectNode) json.readTree(base.canonicalJson());
            spec.put(
                    "name",
                    base.spec().name() + "-scaling-" + p.trials() + "-" + p.folds() + "-" + p.epochs() + "-"
                            + p.images());
            spec.put("refit", false);
            spec.withObjectProperty("search").put("strategy", "random").put("max_trials", p.trials());
            spec.withObjectProperty("cv").put("folds", p.folds());
            spec.withObjectProperty("training").put("epochs", p.epochs()).remove("early_stopping");
            spec.withObjectProperty("data").put("train_subset", p.images());
            Path file = workDir.resolve(spec.get("name").asText() + ".json");
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), spec);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
