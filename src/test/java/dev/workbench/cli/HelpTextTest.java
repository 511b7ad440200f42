package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutPicocliWarnings() {
        List<String> names = new ArrayList<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            render(Cli.create(), names);
        } finally {
            System.setErr(saved);
        }
        assertThat(names).contains("workbench", "workbench bench search", "workbench run");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    private static void render(CommandLine command, List<String> names) {
        names.add(command.getCommandSpec().qualifiedName());
        assertThat(command.getUsageMessage()).contains("Usage:");
        command.getSubcommands().values().forEach(sub -> render(sub, names));
    }
}
