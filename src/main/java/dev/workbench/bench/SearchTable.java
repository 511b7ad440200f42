package dev.workbench.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table of {@code bench search}: one row per run, then each strategy's mean over the runs that reached the target. */
final class SearchTable {

    private SearchTable() {}

    static void print(List<SearchRun> runs, double target, boolean maximize, PrintWriter out) {
        Table table = new Table(
                "strategy", "seed", "trials", "epochs", "wall s", "best", "target at epochs", "target at wall s");
        Map<String, List<SearchRun>> byName = new LinkedHashMap<>();
        for (SearchRun run : runs) {
            byName.computeIfAbsent(run.name(), n -> new java.util.ArrayList<>()).add(run);
            SearchRun.Reached first = run.first(target, maximize);
            table.row(
                    run.name(),
                    run.seed() == null ? "-" : Long.toString(run.seed()),
                    Integer.toString(run.trials()),
                    String.format("%,d", run.epochs()),
                    String.format("%.1f", run.seconds()),
                    String.format("%.4f", run.best(maximize)),
                    first == null ? "not reached" : String.format("%,d", first.epochsBefore()),
                    first == null ? "not reached" : String.format("%.1f", first.seconds()));
        }
        table.print(out);
        out.println("epochs: trained over all folds and trials (pruned ones included); target at: when the first trial"
                + " whose final score reached the target ended, counted from its process's start");
        byName.forEach((name, list) -> {
            List<SearchRun.Reached> hits = list.stream()
                    .map(r -> r.first(target, maximize))
                    .filter(java.util.Objects::nonNull)
                    .toList();
            out.printf(
                    "%s: reached the target in %d of %d runs%s%n",
                    name,
                    hits.size(),
                    list.size(),
                    hits.isEmpty()
                            ? ""
                            : String.format(
                                    "; mean %,.0f epochs and %.1f s to reach it",
                                    hits.stream()
                                            .mapToLong(SearchRun.Reached::epochsBefore)
                                            .average()
                                            .orElse(0),
                                    hits.stream()
                                            .mapToDouble(SearchRun.Reached::seconds)
                                            .average()
                                            .orElse(0)));
        });
        out.flush();
    }
}
