package org.mcalign.notebook.findings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.AnalysisResult;
import org.mcalign.analysis.AnalysisSettings;
import org.mcalign.analysis.HypothesesScript;
import org.mcalign.analysis.Metric;
import org.mcalign.analysis.stages.DemographicStage;
import tech.tablesaw.api.Table;

/**
 * Notebooks 13 and 15's computed sentences against the rows of the analyses they describe, on
 * the paper's data with 20 rounds (quick): what a sentence says goes up, is below or is counted
 * is recounted here from the analysis's own rows.
 */
class StudyFindingsTest {
  private static AnalysisInputs in;
  private static final AnalysisSettings QUICK = AnalysisSettings.paper().withAllRounds(20);

  @BeforeAll
  static void papersData() {
    in = PapersData.inputs();
  }

  /** Per (key of {@code keys}) the mean of {@code value} over the rows of {@code t}. */
  private static Map<String, Double> meanBy(Table t, String value, String... keys) {
    Map<String, double[]> sum = new TreeMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      StringBuilder k = new StringBuilder();
      for (String c : keys) k.append(t.getString(i, c)).append('|');
      double[] a = sum.computeIfAbsent(k.toString(), x -> new double[2]);
      a[0] += t.doubleColumn(value).getDouble(i);
      a[1]++;
    }
    Map<String, Double> out = new TreeMap<>();
    sum.forEach((k, a) -> out.put(k, a[0] / a[1]));
    return out;
  }

  @Test
  void theMonoculturalSentenceCountsTheModelsWhoseNativeIsBelowEnglish() {
    HypothesesScript h = HypothesesScript.run(in, List.of("monocultural_alignment", "extreme_absolute_performance"), Metric.MEAN_ALIGNMENT,
        null, QUICK, AnalysisSettings.DEFAULT_SEED);
    Map<String, Double> m = meanBy(h.result("monocultural_alignment").table(), "metric_value", "model_name", "response_language");
    int models = 0, below = 0;
    for (String k : m.keySet())
      if (k.endsWith("|Native|") && !k.startsWith("Baseline")) {
        models++;
        if (m.get(k) < m.get(k.replace("|Native|", "|English|"))) below++;
      }
    String text = HypothesesFindings.of(h).monocultural().text();
    assertTrue(text.contains("Native is below English for " + below + " of " + models + " models"), text);

    Map<String, Double> abs = meanBy(h.result("extreme_absolute_performance").table(), "metric_value", "model_name");
    double best = abs.entrySet().stream().filter(e -> !e.getKey().startsWith("Baseline")).mapToDouble(Map.Entry::getValue).max().orElseThrow();
    String a = HypothesesFindings.of(h).absolutePerformance().text();
    assertTrue(a.contains("to " + Prose.f(best, 3) + " ("), a);
  }

  @Test
  void theDemographicSentenceSaysWhereACongruentCountryRaisesAlignment(@TempDir Path out) {
    DemographicStage stage = DemographicStage.of(in.dataset()).writingTo(out);
    AnalysisResult r = stage.analyseDataset(Metric.SPEARMAN, 20, AnalysisSettings.DEFAULT_SEED, QUICK);
    Map<String, Double> m = meanBy(r.table(), "metric_value", "response_language", "is_congruent");
    String text = DemographicFindings.of(in.dataset(), stage).analysis(r, stage, false).text();
    int lowers = text.indexOf("lowers it in");
    for (String lang : List.of("da", "en", "nl", "pt")) {
      double con = m.get(lang + "|true|"), inc = m.get(lang + "|false|");
      String clause = Prose.language(lang) + " (" + Prose.f(con, 3) + " vs " + Prose.f(inc, 3) + ")";
      int at = text.indexOf(clause);
      assertTrue(at >= 0, clause + " in: " + text);
      if (con > inc) assertTrue(text.contains("raises") && (lowers < 0 || at < lowers), lang + " raised: " + text);
      else assertTrue(lowers >= 0 && at > lowers, lang + " lowered: " + text);
    }
  }
}
