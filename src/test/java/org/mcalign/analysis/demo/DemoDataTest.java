package org.mcalign.analysis.demo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.Dataset;
import org.mcalign.prompts.CsvRecords;

class DemoDataTest {
  @TempDir static Path dir;
  static DemoData.Built built;

  @BeforeAll
  static void build() {
    long t0 = System.nanoTime();
    built = DemoData.build(dir, DemoSettings.small().withDemographicModel("gemma-2-27b-it"), DemoData.Backends.IN_PROCESS, m -> {});
    System.out.printf("small demo built in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, built.counts());
  }

  @Test
  void demoFolderHasThePapersFilesAndSaysDemo() throws Exception {
    assertTrue(built.dataset().isDemo());
    assertTrue(built.dataset().describe().contains("demo"));
    for (String f : List.of("all_lang_model_responses_with_scores.csv", "ground_truth_global.csv", "ground_truth_per_language.csv",
        "ground_truth_every_country.csv", "ground_truth_all_countries.csv", "ground_truth.csv", "country_languages.csv",
        "gt_self_consistency.csv", "multilingual_benchmarks.csv", "stance_labels.json",
        "translated_prompts_with_english_no_controversy.csv", "demographic-gemma-results.csv", "DEMO", "provenance.json")) {
      assertTrue(Files.exists(dir.resolve(f)), f);
    }
    CsvRecords scored = CsvRecords.read(dir.resolve("all_lang_model_responses_with_scores.csv"));
    assertEquals(List.of("model_name", "model_family", "template_type", "language", "response_language", "question_key",
        "response_pro_score", "ground_truth_pro_score"), scored.columns());
    assertTrue(scored.size() > 500);
    assertTrue(Files.readString(dir.resolve("README.txt")).startsWith("DEMO"));
    CsvRecords prompts = CsvRecords.read(dir.resolve("translated_prompts_with_english_no_controversy.csv"));
    for (Map<String, String> r : prompts.rows()) assertTrue(r.get("prompt").contains("DEMO"));
  }

  /**
   * The demographic model follows the country its prompt names: every prompt is asked once
   * naming a country of its language (congruent) and once naming another; on the incongruent
   * ones its scores rank like the named country's ground truth, not like the prompt
   * language's.
   */
  @Test
  void demographicResultsFollowTheNamedCountry() {
    CsvRecords r = CsvRecords.read(dir.resolve("demographic-gemma-results.csv"));
    Map<String, String> codeOf = new java.util.HashMap<>();
    org.mcalign.data.Study.paper().countries().forEach(c -> codeOf.put(c.name(), c.code()));
    Map<String, Double> byCountry = new java.util.HashMap<>(), byLanguage = new java.util.HashMap<>();
    for (Map<String, String> g : CsvRecords.read(dir.resolve("ground_truth_every_country.csv")).rows())
      byCountry.put(g.get("cntry_an") + "|" + g.get("question_key").toLowerCase(), Double.parseDouble(g.get("pro_score")));
    for (Map<String, String> g : CsvRecords.read(dir.resolve("ground_truth_per_language.csv")).rows())
      byLanguage.put(g.get("lnge_iso") + "|" + g.get("question_key").toLowerCase(), Double.parseDouble(g.get("pro_score")));
    java.util.List<double[]> incongruent = new java.util.ArrayList<>(); // response, named country's truth, prompt language's truth
    int congruent = 0;
    for (Map<String, String> x : r.rows()) {
      String code = codeOf.get(x.get("country"));
      assertNotNull(code, "a known country: " + x.get("country"));
      boolean sameLanguage = org.mcalign.data.Study.paper().country(code).orElseThrow().language().equals(x.get("language"));
      assertEquals(String.valueOf(sameLanguage), x.get("is_congruent").toLowerCase(), x.get("country") + " / " + x.get("language"));
      if (sameLanguage) { congruent++; continue; }
      Double named = byCountry.get(code + "|" + x.get("question_key")), own = byLanguage.get(x.get("language") + "|" + x.get("question_key"));
      if (named != null && own != null) incongruent.add(new double[] {Double.parseDouble(x.get("response_pro_score")), named, own});
    }
    assertEquals(r.size(), 2 * congruent, "each prompt once congruent, once not");
    assertTrue(incongruent.size() > 50, "incongruent rows with both truths: " + incongruent.size());
    double[] resp = incongruent.stream().mapToDouble(v -> v[0]).toArray();
    double named = org.mcalign.stats.Correlation.spearman(resp, incongruent.stream().mapToDouble(v -> v[1]).toArray());
    double own = org.mcalign.stats.Correlation.spearman(resp, incongruent.stream().mapToDouble(v -> v[2]).toArray());
    assertTrue(named > 0.5 && named > own + 0.1, "follows the named country: " + named + " vs the prompt language " + own);
  }

  @Test
  void theDataLoadersAcceptEveryDemoFile() {
    var f = org.mcalign.data.PaperFiles.of(built.dataset());
    assertTrue(f.scoredResponses().rowCount() > 500);
    assertTrue(f.groundTruthGlobal().rowCount() > 20);
    assertTrue(f.groundTruthPerLanguage().rowCount() > 20);
    assertTrue(f.groundTruthEveryCountry().rowCount() > 20);
    assertTrue(f.groundTruthAllCountries().rowCount() > 20);
    assertTrue(f.groundTruth().rowCount() > 20);
    assertEquals(13, f.countryLanguages().rowCount());
    assertEquals(13, f.gtSelfConsistency().rowCount());
    assertTrue(f.multilingualBenchmarks().rowCount() > 0);
    assertTrue(f.translatedPrompts().rowCount() > 0);
    assertTrue(f.demographicPrompts().rowCount() > 0);
    assertTrue(f.demographicResults().rowCount() > 0);
    assertEquals(24, f.stanceLabels().size());
    assertFalse(f.classifierOutputs("olmo-analysis-responses.jsonl").isEmpty());
    assertFalse(f.exampleResponses().isEmpty());
    assertFalse(f.batchRequests().isEmpty());
  }
}
