package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** An internal error (a bug, not bad input) prints one line naming the log file that holds the full trace. */
class UnexpectedErrorTest {

    private static final Pattern LOG = Pattern.compile("full trace in (\\S+\\.log)\\)");

    @TempDir
    Path dir;

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Throwable error;

        Boom(Throwable error) {
            this.error = error;
        }

        @Override
        public Integer call() throws Exception {
            if (error instanceof Exception e) {
                throw e;
            }
            throw (Error) error;
        }
    }

    static Stream<Throwable> errors() {
        return Stream.of(
                new IllegalStateException("index 7 out of range\nsecond line"),
                new OutOfMemoryError("Java heap space"),
                new StackOverflowError());
    }

    @ParameterizedTest
    @MethodSource("errors")
    void one_line_on_the_terminal_and_the_full_trace_in_a_log_file(Throwable error) throws Exception {
        Path logs = dir.resolve("results/logs");
        CommandLine cli = Cli.create(logs);
        cli.addSubcommand(new CommandLine(new Boom(error)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("boom");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip())
                .doesNotContain("\n")
                .doesNotContain("\tat ")
                .startsWith("internal error: " + error.getClass().getSimpleName());
        Matcher m = LOG.matcher(err.toString());
        assertThat(m.find()).as(err.toString()).isTrue();
        Path file = Path.of(m.group(1));
        assertThat(file).startsWith(logs);
        assertThat(Files.readString(file))
                .contains(error.getClass().getName())
                .contains("\tat ")
                .startsWith("workbench boom");
    }
}
