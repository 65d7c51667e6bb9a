package org.mcalign.notebook.findings;

import static org.mcalign.notebook.findings.Prose.f;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mcalign.analysis.HypothesesScript;
import org.mcalign.data.Paper;
import org.mcalign.notebook.Numbers;
import tech.tablesaw.api.Table;

/**
 * Notebook 15 (the exploratory analyses of {@code analyse_hypotheses.py}): the sentences under
 * its tables, computed from the means they describe.
 */
public final class HypothesesFindings {
  private static final String ENGLISH = "english_language_alignment", TRANSFER = "cross_linguistic_cultural_transfer",
      MONO = "monocultural_alignment", ABSOLUTE = "extreme_absolute_performance", RELATIVE = "extreme_relative_all_combinations";
  private static final Map<String, String> LABELS = Map.of(ENGLISH, "English-language alignment", TRANSFER,
      "native alignment in the cultural-transfer analysis", MONO, "monocultural", ABSOLUTE, "absolute performance");

  private final HypothesesScript h;

  private HypothesesFindings(HypothesesScript h) {
    this.h = h;
  }

  public static HypothesesFindings of(HypothesesScript h) {
    return new HypothesesFindings(h);
  }

  private static boolean baseline(String model) {
    return model.startsWith("Baseline");
  }

  private String metricColumn() {
    return "mean " + h.metric().id();
  }

  /** The mean metric of the summary's row for {@code analysis}, NaN when it was not run. */
  private static double summaryMean(Table summary, String analysis) {
    int i = summary.stringColumn("analysis").indexOf(analysis);
    return i < 0 ? Double.NaN : summary.doubleColumn(summary.columnCount() - 1).getDouble(i);
  }

  /** The script's summary: one row per analysis. */
  public Finding summary() {
    Table s = h.summary();
    List<String> parts = new ArrayList<>();
    for (String a : s.stringColumn("analysis"))
      if (!a.equals(RELATIVE)) parts.add(f(summaryMean(s, a), 3) + " (" + LABELS.getOrDefault(a, a.replace('_', ' ')) + ")");
    String text = "The script's analyses at the paper's settings (" + Numbers.count(h.settings().hypothesisRounds()) + " rounds, "
        + h.settings().perGroupSample() + " rows per group and round, metric " + h.metric().id().replace('_', ' ') + "), " + Prose.seedPhrase(h.seed())
        + " for every draw. The last column is the mean over all rows of the file: " + Prose.and(parts)
        + (Double.isNaN(summaryMean(s, RELATIVE)) ? "." : "; the all-combinations analysis reports each model's alignment minus the"
            + " uniform-random baseline's, " + f(summaryMean(s, RELATIVE), 3) + " on average.");
    return new Finding(s, text);
  }

  /** {@code latest_results_with_baseline.csv} counted per family. */
  public Finding resultsWithBaseline() {
    Table c = h.resultsWithBaseline().countBy("model_family");
    List<String> families = new ArrayList<>();
    int responses = 0, baselines = 0;
    for (int i = 0; i < c.rowCount(); i++) {
      String fam = c.getString(i, "model_family");
      int n = (int) c.numberColumn(1).getDouble(i);
      if (fam.equals("Baseline")) baselines += n;
      else {
        responses += n;
        families.add(Prose.family(fam) + " " + Numbers.count(n));
      }
    }
    String text = "`" + HypothesesScript.RESULTS_WITH_BASELINE + "`: the " + Numbers.count(responses) + " survey responses ("
        + String.join(", ", families) + ") and the two baselines, each a copy of the first model's " + Numbers.count(baselines / 2)
        + " rows with random pro scores (normal around one half with sd " + h.settings().fiftyPercentSd() + ", clipped; uniform on [0, 1)): "
        + Numbers.count(h.resultsWithBaseline().rowCount()) + " rows in the paper's " + h.resultsWithBaseline().columnCount()
        + " columns, as the paper's file (whose baseline values are other, unseeded draws).";
    return new Finding(c, text);
  }

  private record Mean(String model, double value, int rows) {}

  private List<Mean> means(Table t, String column) {
    List<Mean> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++)
      out.add(new Mean(t.getString(i, "model_name"), t.doubleColumn(column).getDouble(i), t.intColumn("rows").getInt(i)));
    return out;
  }

  private static String baselines(List<Mean> all) {
    List<String> b = new ArrayList<>();
    for (Mean m : all) if (baseline(m.model())) b.add((m.model().equals(Paper.BASELINE_FIFTY) ? "fifty-percent " : "uniform ") + f(m.value(), 3));
    return String.join(", ", b);
  }

  /** Whether every model is above every baseline, and the models' range, as a clause. */
  private static String againstBaselines(List<Mean> all) {
    List<Mean> models = all.stream().filter(m -> !baseline(m.model())).sorted(Comparator.comparingDouble(Mean::value)).toList();
    double best = all.stream().filter(m -> baseline(m.model())).mapToDouble(Mean::value).max().orElse(Double.NaN);
    long above = models.stream().filter(m -> m.value() > best).count();
    Mean lo = models.get(0), hi = models.get(models.size() - 1);
    return (above == models.size() ? "every model beats both baselines" : above + " of " + models.size() + " models beat both baselines")
        + " (" + baselines(all) + "), from " + f(lo.value(), 3) + " (" + Prose.model(lo.model()) + ") to " + f(hi.value(), 3) + " ("
        + Prose.model(hi.model()) + ")";
  }

  private static int modelRows(List<Mean> all) {
    return all.stream().filter(m -> !baseline(m.model())).mapToInt(Mean::rows).max().orElse(0);
  }

  /** English prompts against the English-speaking countries, per model. */
  public Finding englishAlignment() {
    Table t = h.means(ENGLISH, "model_name");
    List<Mean> all = means(t, metricColumn());
    Table byCountry = h.means(ENGLISH, "model_name", "cntry_an");
    Map<String, String> lowest = new TreeMap<>();
    Map<String, Double> low = new TreeMap<>();
    for (int i = 0; i < byCountry.rowCount(); i++) {
      String m = byCountry.getString(i, "model_name");
      double v = byCountry.doubleColumn(metricColumn()).getDouble(i);
      if (baseline(m)) continue;
      if (!low.containsKey(m) || v < low.get(m)) { low.put(m, v); lowest.put(m, byCountry.getString(i, "cntry_an")); }
    }
    long distinct = lowest.values().stream().distinct().count();
    String text = "English prompts against the English-speaking countries: " + againstBaselines(all) + ". Means over all rounds and"
        + " countries, " + Numbers.count(modelRows(all)) + " rows per model. "
        + (distinct == 1 ? "Every model aligns least with " + Prose.country(lowest.values().iterator().next()) + "'s ground truth."
            : "The country a model aligns least with differs between models (" + distinct + " different countries).");
    return new Finding(t, text);
  }

  /** Native against US alignment, per model. */
  public Finding culturalTransfer() {
    Table t = h.means(TRANSFER, "model_name");
    List<Mean> diff = means(t, "Native - US");
    List<Mean> models = diff.stream().filter(m -> !baseline(m.model())).sorted(Comparator.comparingDouble(m -> -m.value())).toList();
    long closerToUs = diff.stream().filter(m -> m.value() < 0).count();
    Mean least = models.get(0), most = models.get(models.size() - 1);
    String who = closerToUs == diff.size() ? "every model, and both baselines, is on average slightly closer to the US than to the native ground truth"
        : closerToUs + " of the " + diff.size() + " models and baselines are on average closer to the US than to the native ground truth";
    String text = "Prompts answered in their own language, against their country's ground truth (native) and against the United States'"
        + " (US), non-US countries: " + who + "; native minus US runs from " + f(least.value(), 4) + " (" + Prose.model(least.model())
        + ") to " + f(most.value(), 4) + " (" + Prose.model(most.model()) + ") among the models. Means over all rounds and countries, "
        + Numbers.count(modelRows(diff)) + " rows per model.";
    return new Finding(t, text);
  }

  /** English prompts against non-English-speaking countries beside native prompts, per model. */
  public Finding monocultural() {
    Table t = h.means(MONO, "model_name", "response_language");
    Map<String, double[]> m = new TreeMap<>();
    int rows = 0;
    for (int i = 0; i < t.rowCount(); i++) {
      String model = t.getString(i, "model_name");
      if (baseline(model)) continue;
      rows = Math.max(rows, t.intColumn("rows").getInt(i));
      m.computeIfAbsent(model, k -> new double[] {Double.NaN, Double.NaN})[t.getString(i, "response_language").equals("Native") ? 0 : 1] =
          t.doubleColumn(metricColumn()).getDouble(i);
    }
    List<Map.Entry<String, double[]>> below = new ArrayList<>(), above = new ArrayList<>();
    m.entrySet().forEach(e -> (e.getValue()[0] < e.getValue()[1] ? below : above).add(e));
    below.sort(Comparator.comparingDouble(e -> e.getValue()[0] - e.getValue()[1]));
    List<String> worst = below.stream().limit(3).map(HypothesesFindings::nativeVsEnglish).toList();
    String text = "Monocultural alignment: English prompts against the countries the paper does not list as English-speaking (English)"
        + " and prompts in a country's own language answered in it, against that country (Native). Native is below English for "
        + below.size() + " of " + m.size() + " models" + (worst.isEmpty() ? "" : ", most for " + Prose.and(worst))
        + (above.isEmpty() ? "" : "; it is above for " + Prose.and(above.stream().map(HypothesesFindings::nativeVsEnglish).toList()))
        + ". " + Numbers.count(rows) + " rows per model and prompt kind.";
    return new Finding(t, text);
  }

  private static String nativeVsEnglish(Map.Entry<String, double[]> e) {
    return Prose.model(e.getKey()) + " (" + f(e.getValue()[0], 3) + " vs " + f(e.getValue()[1], 3) + ")";
  }

  /** Every answer against the countries of its prompt's language, per model. */
  public Finding absolutePerformance() {
    Table t = h.means(ABSOLUTE, "model_name");
    List<Mean> all = means(t, metricColumn());
    String text = "Absolute performance: answers against the countries whose language is the prompt's: " + againstBaselines(all) + ". "
        + Numbers.count(modelRows(all)) + " rows per model.";
    return new Finding(t, text);
  }

  /** The script with {@code --threshold} beside the script on all ground truth ({@code this}). */
  public Finding threshold(HypothesesScript extreme) {
    Table s = extreme.summary(), all = h.summary();
    double[] absolute = s.stringColumn("analysis").asList().stream().filter(a -> !a.equals(RELATIVE))
        .mapToDouble(a -> summaryMean(s, a)).toArray();
    double before = summaryMean(all, RELATIVE), after = summaryMean(s, RELATIVE);
    int[] rows = extreme.groundTruthRows();
    double lo = Prose.min(absolute), hi = Prose.max(absolute);
    String text = "The paper's `--threshold`: with " + extreme.threshold() + ", only the " + rows[0] + " of " + Numbers.count(rows[1])
        + " ground-truth rows with |pro score − 0.5| > " + extreme.threshold() + " remain (the clear-cut questions). Mean alignment "
        + (hi < Prose.min(values(all, absolute.length)) ? "falls to " : "is ") + Numbers.range(lo, hi, 3) + " in the other "
        + absolute.length + " analyses"
        + (Double.isNaN(after) ? "." : ", while the models' advantage over the uniform-random baseline " + (after > before ? "grows" : "shrinks")
            + " from " + f(before, 3) + " to " + f(after, 3) + ".");
    return new Finding(s, text);
  }

  /** The first {@code n} non-relative means of a summary. */
  private static double[] values(Table summary, int n) {
    return summary.stringColumn("analysis").asList().stream().filter(a -> !a.equals(RELATIVE)).limit(n)
        .mapToDouble(a -> summaryMean(summary, a)).toArray();
  }
}
