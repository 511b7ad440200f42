package dev.workbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.workbench.app.ExperimentReport;
import dev.workbench.app.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench show NAME}: the leaderboard of an experiment, or everything as one JSON document. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Show the latest experiment of that name: leaderboard, or all curves with --json.")
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "NAME", description = "Experiment name.")
    String name;

    @Option(names = "--json", description = "Print one JSON document: experiment, trials, folds, epochs, refit.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        ExperimentReport report = store.workbench().show(name);
        if (json) {
            out.println(
                    Json.results().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            new Leaderboard(out).print(report);
        }
        out.flush();
        return 0;
    }
}
