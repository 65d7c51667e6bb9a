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

  @Test
  void demographicResultsFollowTheNamedCountry() {
    CsvRecords r = CsvRecords.read(dir.resolve("demographic-gemma-results.csv"));
    assertTrue(r.size() > 100);
    assertTrue(r.rows().stream().anyMatch(x -> x.get("is_congruent").equals("false")));
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
