package dev.workbench.cli;

import dev.workbench.store.ExperimentSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code workbench list}: every experiment, newest first. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List experiments, newest first.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ExperimentSummary> experiments = store.workbench().list();
        if (experiments.isEmpty()) {
            out.println("No experiments yet. Run one: workbench run experiments/cnn-grid.yaml");
            out.flush();
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "name", "strategy", "status", "trials done/total", "failed", "best", "started"));
        for (ExperimentSummary e : experiments) {
            rows.add(List.of(
                    String.valueOf(e.id()),
                    e.name(),
                    e.strategy(),
                    e.status().value(),
                    e.trialsDone() + "/" + e.trialsTotal(),
                    String.valueOf(e.trialsFailed()),
                    e.bestScore() == null ? "-" : String.format("%.4f %s", e.bestScore(), e.metric()),
                    e.createdAt().toString()));
        }
        new TextTable(out).print(rows);
        out.flush();
        return 0;
    }
}
