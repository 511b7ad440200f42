package dev.workbench.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as left-aligned columns; the first row is the header. */
final class TextTable {

    private final PrintWriter out;

    TextTable(PrintWriter out) {
        this.out = out;
    }

    void print(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(String.format("%-" + widths[c] + "s", row.get(c))).append(c < row.size() - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
