package dev.workbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package allow-list of README's "Layout" section, checked on the compiled classes with ArchUnit (so
 * imports, fully-qualified names and every other use count) and on the sources' string literals (so a class
 * named in a string, as for {@code Class.forName} or a child JVM's main class, counts too). Keep {@link #MAY_USE}
 * and README's list equal.
 */
class LayeringTest {

    private static final String ROOT = "dev.workbench";

    /** For each package, the workbench packages it may use besides itself and the root package's exceptions. */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("spec", Set.of()),
            Map.entry("metrics", Set.of()),
            Map.entry("data", Set.of()),
            Map.entry("provenance", Set.of()),
            Map.entry("backend", Set.of("provenance")),
            Map.entry("search", Set.of("spec")),
            Map.entry("train", Set.of("spec", "metrics")),
            Map.entry("store", Set.of("metrics")),
            Map.entry("export", Set.of("train", "data", "metrics")),
            Map.entry(
                    "app",
                    Set.of("search", "train", "store", "export", "backend", "data", "provenance", "spec", "metrics")),
            Map.entry("bench", Set.of("app", "train", "search", "backend", "data", "provenance", "spec")),
            Map.entry("web", Set.of("app")),
            Map.entry("cli", Set.of("app", "bench")));

    /** {@code cli} and {@code web} may also hold the values app returns: records and enums of these packages. */
    static final Set<String> VALUES_FROM = Set.of("metrics", "store", "export", "data", "provenance");

    private static final Set<String> VALUE_USERS = Set.of("cli", "web");

    private static final String DL4J = "org.deeplearning4j..";
    private static final String ND4J = "org.nd4j..";
    private static final String H2 = "org.h2..";
    private static final String JDBI = "org.jdbi..";
    private static final String JAVALIN = "io.javalin..";

    /** The heavy libraries each package keeps out, as README's Layout section lists them. */
    static final Map<String, List<String>> LIBRARIES_BARRED = Map.ofEntries(
            Map.entry("spec", List.of(DL4J, ND4J, H2, JDBI, JAVALIN)),
            Map.entry("metrics", List.of(DL4J, ND4J, H2, JDBI, JAVALIN)),
            Map.entry("data", List.of(DL4J, ND4J, H2, JDBI, JAVALIN)),
            Map.entry("provenance", List.of(H2, JDBI, JAVALIN)),
            Map.entry("backend", List.of(H2, JDBI, JAVALIN)),
            Map.entry("search", List.of(H2, JDBI, JAVALIN)),
            Map.entry("train", List.of(H2, JDBI, JAVALIN)),
            Map.entry("store", List.of(DL4J, ND4J, JAVALIN)),
            Map.entry("export", List.of(H2, JDBI, JAVALIN)),
            Map.entry("app", List.of(JAVALIN)),
            Map.entry("bench", List.of(H2, JDBI, JAVALIN)),
            Map.entry("web", List.of(DL4J, ND4J, H2, JDBI)),
            Map.entry("cli", List.of(DL4J, ND4J, H2, JDBI, JAVALIN)));

    private static final Path SOURCES = Path.of("src/main/java/dev/workbench");
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    static Stream<String> packages() {
        return MAY_USE.keySet().stream().sorted();
    }

    @Test
    void every_package_is_in_the_allow_list() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            dirs.filter(Files::isDirectory)
                    .forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertThat(packages).isEqualTo(new TreeSet<>(MAY_USE.keySet()));
        assertThat(LIBRARIES_BARRED.keySet()).isEqualTo(MAY_USE.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void a_package_uses_only_the_packages_it_may(String pkg) {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "." + pkg + "..")
                .should()
                .dependOnClassesThat(outsideAllowList(pkg))
                .check(MAIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void a_package_keeps_out_the_libraries_it_must(String pkg) {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "." + pkg + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(LIBRARIES_BARRED.get(pkg).toArray(String[]::new))
                .check(MAIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void strings_name_only_the_packages_it_may_use(String pkg) throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
        Pattern named = Pattern.compile("dev[./]workbench[./]([a-z]+)");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher strings = literal.matcher(Files.readString(file));
                while (strings.find()) {
                    Matcher name = named.matcher(strings.group());
                    while (name.find()) {
                        if (!allowed(pkg, name.group(1))) {
                            violations.add(file.getFileName() + ": " + strings.group());
                        }
                    }
                }
            }
        }
        assertThat(violations)
                .as("string literals naming a package %s may not use", pkg)
                .isEmpty();
    }

    private static boolean allowed(String pkg, String used) {
        return used.equals(pkg) || MAY_USE.get(pkg).contains(used) || !MAY_USE.containsKey(used);
    }

    private static DescribedPredicate<JavaClass> outsideAllowList(String pkg) {
        return new DescribedPredicate<>("workbench classes outside " + pkg + "'s allow-list " + MAY_USE.get(pkg)) {
            @Override
            public boolean test(JavaClass c) {
                String name = c.getPackageName();
                if (!name.startsWith(ROOT + ".")) {
                    return false; // the root package's exceptions, and libraries
                }
                String top = name.substring(ROOT.length() + 1).split("\\.")[0];
                if (top.equals(pkg) || MAY_USE.get(pkg).contains(top)) {
                    return false;
                }
                return !(VALUE_USERS.contains(pkg) && VALUES_FROM.contains(top) && (c.isRecord() || c.isEnum()));
            }
        };
    }
}
