package org.mcalign.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A regression table as the paper published it ({@code supplementary/regressions/*.txt},
 * statsmodels' printed summary): coefficient rows "name coef se stat p lower upper".
 */
public record PaperTable(String file, Map<String, double[]> rows) {

  /** Coefficient columns of a row: coef, std err, statistic, p, lower, upper. */
  public static final int COEF = 0, SE = 1, STAT = 2, P = 3, LOWER = 4, UPPER = 5;

  public static PaperTable parse(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the paper's regression table " + file.getFileName(), e);
    }
    Map<String, double[]> rows = new LinkedHashMap<>();
    for (String line : lines) {
      String[] tok = line.trim().split("\\s+");
      if (tok.length < 7) continue;
      double[] v = new double[6];
      boolean numeric = true;
      for (int i = 0; i < 6 && numeric; i++) {
        try {
          v[i] = Double.parseDouble(tok[tok.length - 6 + i]);
        } catch (NumberFormatException e) {
          numeric = false;
        }
      }
      if (!numeric) continue;
      String name = String.join(" ", java.util.Arrays.copyOf(tok, tok.length - 6));
      rows.put(name, v);
    }
    if (rows.isEmpty())
      throw new IllegalArgumentException(file.getFileName() + ": no coefficient rows found; expected a statsmodels summary");
    return new PaperTable(file.getFileName().toString(), rows);
  }

  /**
   * A stand-in where the paper published no table (the DEMO dataset): the given terms with
   * every value NaN, so a report still lays out our fits and says the paper's are missing.
   */
  public static PaperTable notPublished(String why, List<String> terms) {
    Map<String, double[]> rows = new LinkedHashMap<>();
    for (String t : terms) {
      double[] v = new double[6];
      java.util.Arrays.fill(v, Double.NaN);
      rows.put(t, v);
    }
    return new PaperTable(why, rows);
  }

  public double coef(String name) {
    double[] r = rows.get(name);
    if (r == null) throw new IllegalArgumentException(file + ": no coefficient '" + name + "'");
    return r[COEF];
  }

  /** As a table: name, coef, std_err, statistic, pvalue, ci_lower, ci_upper. */
  public Table toTable() {
    StringColumn n = StringColumn.create("name");
    DoubleColumn[] c = {DoubleColumn.create("coef"), DoubleColumn.create("std_err"), DoubleColumn.create("statistic"),
        DoubleColumn.create("pvalue"), DoubleColumn.create("ci_lower"), DoubleColumn.create("ci_upper")};
    rows.forEach((k, v) -> {
      n.append(k);
      for (int i = 0; i < 6; i++) c[i].append(v[i]);
    });
    Table t = Table.create(file, n);
    return t.addColumns(c);
  }
}
