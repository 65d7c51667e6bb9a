package org.mcalign.notebook.findings;

import org.mcalign.data.Study;
import static org.mcalign.notebook.Numbers.fixed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.AnalysisSettings;
import org.mcalign.analysis.demo.Datasets;
import org.mcalign.data.Paper;
import org.mcalign.notebook.MimeBundle;
import org.mcalign.notebook.Notebook;
import tech.tablesaw.api.Table;

/** Shared pieces of the notebooks' sentences: the dataset line, DEMO checks, selections of table rows. */
final class Prose {
  private Prose() {}

  static MimeBundle md(String markdown) {
    return Notebook.markdown(markdown);
  }

  static boolean demo(AnalysisInputs in) {
    return in.dataset().isDemo();
  }

  /** "our default seed 5125" (the paper's bootstraps are unseeded: no seed of theirs to reuse). */
  static String seedPhrase(long seed) {
    return seed == AnalysisSettings.DEFAULT_SEED ? "our default seed " + seed + " (the paper's bootstraps are unseeded)" : "seed " + seed;
  }

  /**
   * The notebook's first output: the dataset and the run; on the DEMO dataset also the banner,
   * what was planted and, as a table, whether each planted effect was recovered.
   */
  static Object dataset(AnalysisInputs in, String run, String planted, Table recovered) {
    if (!demo(in)) {
      return md("**Dataset:** " + in.describe() + ". **Run:** " + run + ".");
    }
    String text = "**" + Datasets.DEMO_BANNER + ".** Dataset: " + in.describe() + ". Run: " + run + ".\n\n"
        + "**Planted:** " + planted + "\n\n"
        + "The table above checks each planted effect against this run; the sentences below the other outputs describe "
        + "this run's numbers, and compare with the paper only on the paper's data.";
    return recovered == null ? md(text.replace("The table above checks each planted effect against this run; the", "The"))
        : new Finding(recovered, text);
  }

  /** A recovery table: planted effect, what was measured, recovered yes/no. */
  static final class Checks {
    private final List<String[]> rows = new ArrayList<>();

    Checks add(String effect, String measured, boolean recovered) {
      rows.add(new String[] {effect, measured, recovered ? "yes" : "no"});
      return this;
    }

    Table table() {
      tech.tablesaw.api.StringColumn e = tech.tablesaw.api.StringColumn.create("planted effect"),
          m = tech.tablesaw.api.StringColumn.create("measured in this run"), r = tech.tablesaw.api.StringColumn.create("recovered");
      for (String[] row : rows) { e.append(row[0]); m.append(row[1]); r.append(row[2]); }
      return Table.create("DEMO: planted effects", e, m, r);
    }
  }

  /** Rows of {@code t} whose {@code column} equals {@code value}. */
  static Table where(Table t, String column, String value) {
    return t.where(t.stringColumn(column).isEqualTo(value));
  }

  static double[] values(Table t, String column) {
    return t.doubleColumn(column).asDoubleArray();
  }

  static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double x : v) if (!Double.isNaN(x)) m = Math.min(m, x);
    return m;
  }

  static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) if (!Double.isNaN(x)) m = Math.max(m, x);
    return m;
  }

  static double mean(double[] v) {
    double s = 0;
    int n = 0;
    for (double x : v) if (!Double.isNaN(x)) { s += x; n++; }
    return n == 0 ? Double.NaN : s / n;
  }

  static long count(double[] v, java.util.function.DoublePredicate p) {
    long n = 0;
    for (double x : v) if (p.test(x)) n++;
    return n;
  }

  /** Row indexes of {@code t} matching {@code keep}. */
  static List<Integer> rows(Table t, Predicate<Integer> keep) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) if (keep.test(i)) out.add(i);
    return out;
  }

  /** "GPT-4o" for a model id, the id itself when the study does not know it. */
  static String model(String id) {
    return Study.paper().displayName(id);
  }

  /** "Denmark" for "DK", "Zimbabwe" for "ZW" (other ISO codes by their English name; unknown codes pass through). */
  static String country(String code) {
    String n = Study.paper().country(code).map(Study.Country::name).orElse(null);
    if (n != null) return n;
    // countries outside the study (the hypotheses' English-speaking list has Zimbabwe): their ISO name
    String iso = code.length() == 2 ? new Locale("", code).getDisplayCountry(Locale.ENGLISH) : "";
    return iso.isEmpty() || iso.equals(code) ? code : iso;
  }

  /** A country's name as it reads inside a sentence: "the United States", "the Netherlands", "Denmark". */
  static String place(String name) {
    return name.equals("United States") || name.equals("Netherlands") ? "the " + name : name;
  }

  /** "Danish" for "da" (names pass through). */
  static String language(String codeOrName) {
    return Study.paper().languageName(codeOrName);
  }

  /** "Gemma" for "gemma", "OpenAI" for "openai", "OLMo" for "olmo". */
  static String family(String f) {
    return switch (f) {
      case "openai" -> "OpenAI";
      case "olmo" -> "OLMo";
      case "gemma" -> "Gemma";
      default -> f.substring(0, 1).toUpperCase(Locale.ROOT) + f.substring(1);
    };
  }

  /** "a, b and c". */
  static String and(List<String> items) {
    if (items.isEmpty()) return "none";
    if (items.size() == 1) return items.get(0);
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** A number with {@code d} decimals for a sentence. */
  static String f(double x, int d) {
    return fixed(x, d);
  }

  /** "3 of 9". */
  static String of(long k, long n) {
    return k + " of " + n;
  }
}
