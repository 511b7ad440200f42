package dev.workbench.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each pipeline stage imports only what DESIGN.md allows it, so dependencies point one way. */
class PackageRulesTest {

    private static final String DL4J = "org.deeplearning4j";
    private static final String ND4J = "org.nd4j";
    private static final String H2 = "org.h2";
    private static final String JDBI = "org.jdbi";
    private static final String JAVALIN = "io.javalin";
    private static final String WB = "dev.workbench.";

    private static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("spec", List.of(DL4J, ND4J, H2, JDBI, JAVALIN, WB + "search", WB + "data", WB + "train", WB + "store",
                    WB + "app", WB + "cli", WB + "provenance")),
            Map.entry("metrics", List.of(DL4J, ND4J, H2, JDBI, JAVALIN, WB + "spec", WB + "store", WB + "train", WB + "app",
                    WB + "export")),
            Map.entry("search", List.of(H2, JDBI, JAVALIN, WB + "data", WB + "train", WB + "store", WB + "app", WB + "cli")),
            Map.entry("data", List.of(DL4J, ND4J, H2, JDBI, JAVALIN, WB + "search", WB + "train", WB + "store", WB + "app", WB + "cli")),
            Map.entry("provenance", List.of(H2, JDBI, JAVALIN, WB + "search", WB + "train", WB + "store", WB + "app", WB + "cli",
                    WB + "export", WB + "data")),
            Map.entry("train", List.of(H2, JDBI, JAVALIN, WB + "search", WB + "store", WB + "app", WB + "cli", WB + "export")),
            Map.entry("store", List.of(DL4J, ND4J, JAVALIN, WB + "search", WB + "train", WB + "app", WB + "cli")),
            Map.entry("export", List.of(H2, JDBI, JAVALIN, WB + "search", WB + "store", WB + "app", WB + "cli")),
            Map.entry("app", List.of(JAVALIN, WB + "cli", WB + "bench")),
            Map.entry("web", List.of(DL4J, ND4J, H2, JDBI, WB + "train", WB + "search", WB + "data", WB + "cli")),
            Map.entry("bench", List.of(DL4J, ND4J, H2, JDBI, JAVALIN, WB + "store", WB + "cli")),
            Map.entry("cli", List.of(DL4J, ND4J, H2, JDBI, JAVALIN, WB + "train", WB + "search")));

    static Stream<String> stages() {
        return FORBIDDEN.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void stage_imports_only_what_it_may(String stage) throws IOException {
        Path dir = Path.of("src/main/java/dev/workbench", stage);
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String imported = line.startsWith("import ") ? line.replace("import static ", "import ").substring(7) : "";
                    FORBIDDEN.get(stage).stream().filter(imported::startsWith)
                            .forEach(f -> violations.add(file.getFileName() + ": " + line));
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
