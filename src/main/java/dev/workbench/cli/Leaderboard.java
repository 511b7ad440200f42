package dev.workbench.cli;

import dev.workbench.app.ExperimentReport;
import dev.workbench.metrics.ShownScore;
import dev.workbench.store.Refit;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Prints an experiment's trials ranked by score, with 95% confidence intervals, as a text table. */
final class Leaderboard {

    private final PrintWriter out;

    Leaderboard(PrintWriter out) {
        this.out = out;
    }

    void print(ExperimentReport report) {
        ExperimentReport.Experiment e = report.experiment();
        out.printf("%s  (seed %d, %s, %s %s)%n", e.name(), e.seed(), e.status(), e.goal(), e.metric());
        List<ExperimentReport.Trial> ranked = byRank(report.trials());
        List<String> params = ranked.isEmpty()
                ? List.of()
                : new ArrayList<>(ranked.get(0).params().keySet());
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("rank", "trial"));
        header.addAll(params);
        header.addAll(List.of(e.metric() + " mean ± 95% CI", "folds", "status"));
        rows.add(header);
        for (ExperimentReport.Trial t : ranked) {
            rows.add(row(t.rank() != null ? String.valueOf(t.rank()) : "-", t, params));
        }
        new TextTable(out).print(rows);
        legend(ranked, e.metric());
        ranked.stream()
                .filter(t -> t.error() != null)
                .forEach(t -> out.printf("trial %d failed: %s%n", t.index(), t.error()));
        if (report.refit() != null) {
            printRefit(report.refit());
        }
    }

    /** The ranked trials by rank (the app's one ranking), then the others in index order. */
    private static List<ExperimentReport.Trial> byRank(List<ExperimentReport.Trial> trials) {
        return trials.stream()
                .sorted(Comparator.comparing(
                        ExperimentReport.Trial::rank, Comparator.nullsLast(Comparator.<Integer>naturalOrder())))
                .toList();
    }

    private static List<String> row(String rank, ExperimentReport.Trial t, List<String> params) {
        List<String> row = new ArrayList<>(List.of(rank, String.valueOf(t.index())));
        Map<String, Number> values = t.params();
        params.forEach(p -> row.add(String.valueOf(values.get(p))));
        row.add(
                t.score() == null && t.rung() != null
                        ? String.format(
                                "%.4f @ epoch %d (rung)",
                                t.rung().score(), t.rung().epoch())
                        : score(t.score()));
        row.add(String.valueOf(
                t.folds().stream().filter(f -> "done".equals(f.status())).count()));
        row.add(t.status());
        return row;
    }

    static String score(ShownScore s) {
        if (s == null) {
            return "";
        }
        if (s.tooFewFolds()) {
            return String.format("%.4f  (n = %d: too few folds for a CI)", s.mean(), s.n());
        }
        if (s.clipped()) {
            return String.format("%.4f  [%.4f, %.4f] clipped", s.mean(), s.ci95Low(), s.ci95High());
        }
        return String.format(
                "%.4f ± %.4f  [%.4f, %.4f]", s.mean(), (s.ci95High() - s.ci95Low()) / 2, s.ci95Low(), s.ci95High());
    }

    /** Explains the marks used in the score column, once each, under the table. */
    private void legend(List<ExperimentReport.Trial> trials, String metric) {
        if (trials.stream().anyMatch(t -> t.score() != null && t.score().clipped())) {
            out.printf(
                    "clipped: the Student-t interval reached beyond the range of %s (%s) and is cut at its bound%n",
                    metric, metric.endsWith("accuracy") ? "0 to 1" : "at least 0");
        }
        if (trials.stream().anyMatch(t -> t.score() == null && t.rung() != null)) {
            out.printf(
                    "(rung): a pruned trial's fold-mean %s at the rung where successive halving stopped it,%n"
                            + "  not comparable with the scores of trials trained to the end%n",
                    metric);
        }
        if (trials.stream().anyMatch(t -> t.score() != null && t.score().tooFewFolds())) {
            out.printf("too few folds: an interval needs at least %d folds; none is shown%n", ShownScore.MIN_FOLDS);
        }
    }

    private void printRefit(Refit r) {
        if (r.testAccuracy() != null) {
            out.printf(
                    "refit of trial %d on all training data (%d epochs): test accuracy %.4f, test loss %.4f%n",
                    r.trialIndex(), r.epochs(), r.testAccuracy(), r.testLoss());
        } else {
            out.printf(
                    "refit of trial %d %s%s%n",
                    r.trialIndex(), r.status().value(), r.error() == null ? "" : ": " + r.error());
        }
    }
}
