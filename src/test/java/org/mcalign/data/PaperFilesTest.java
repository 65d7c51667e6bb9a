package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Shapes of the paper's real files, with the counts of the data's README and of the paper. */
class PaperFilesTest {
  private final PaperFiles files = RealData.files();

  @Test
  void scoredResponses() {
    Table t = files.scoredResponses();
    assertEquals(9148, t.rowCount());
    assertEquals(List.of("model_name", "model_family", "template_type", "language", "response_language",
        "question_key", "response_pro_score", "ground_truth_pro_score"), t.columnNames());
    assertEquals(ColumnType.STRING, t.column("model_name").type());
    assertEquals(ColumnType.DOUBLE, t.column("response_pro_score").type());
    assertEquals(ColumnType.DOUBLE, t.column("ground_truth_pro_score").type());
    // the nine evaluated LLMs, the four languages, 37 questions in lower case
    assertEquals(new TreeSet<>(org.mcalign.data.Study.paper().modelNames()), new TreeSet<>(t.stringColumn("model_name").unique().asList()));
    assertEquals(new TreeSet<>(org.mcalign.data.Study.paper().languageCodes()), new TreeSet<>(t.stringColumn("language").unique().asList()));
    Set<String> keys = new TreeSet<>(t.stringColumn("question_key").unique().asList());
    assertEquals(37, keys.size());
    assertTrue(keys.stream().allMatch(k -> k.equals(k.toLowerCase())));
    // first data row of the file: OLMo-2-1124-7B-Instruct,olmo,survey_hypothetical,da,da,f121,0.7,0.8750372800477184
    assertEquals("OLMo-2-1124-7B-Instruct", t.stringColumn("model_name").get(0));
    assertEquals(0.7, t.doubleColumn("response_pro_score").get(0));
    assertEquals(0.8750372800477184, t.doubleColumn("ground_truth_pro_score").get(0));
  }

  @Test
  void groundTruths() {
    Table every = files.groundTruthEveryCountry();
    assertEquals(1062, every.rowCount());
    assertEquals(13, every.stringColumn("cntry_an").unique().size());
    assertEquals(new TreeSet<>(List.of("AU", "BR", "CA", "DK", "GB", "KE", "NG", "NIR", "NL", "NZ", "PT", "SG", "US")),
        new TreeSet<>(every.stringColumn("cntry_an").unique().asList()));
    assertTrue(every.stringColumn("cntry_an").unique().asList().stream().allMatch(c -> Study.paper().country(c).isPresent()),
        "the paper's study declares every country of the ground truth");
    Table global = files.groundTruthGlobal();
    assertEquals(83, global.rowCount());
    assertEquals(List.of("question_key", "pro_score"), global.columnNames());
    Table perLanguage = files.groundTruthPerLanguage();
    assertEquals(332, perLanguage.rowCount());
    assertEquals(83 * 4, perLanguage.rowCount());
    assertEquals(1047, files.groundTruthAllCountries().rowCount());
    assertEquals(370, files.groundTruth().rowCount());
    Table cl = files.countryLanguages();
    assertEquals(13, cl.rowCount());
    assertEquals(List.of("cntry_AN", "lnge_iso"), cl.columnNames());
    for (int i = 0; i < cl.rowCount(); i++) {
      assertEquals(Study.paper().country(cl.stringColumn(0).get(i)).orElseThrow().language(), cl.stringColumn(1).get(i));
    }
    Table sc = files.gtSelfConsistency();
    assertEquals(13, sc.rowCount());
    assertEquals(ColumnType.DOUBLE, sc.column("self_consistency").type());
  }

  @Test
  void stanceLabels() {
    Map<String, List<String>> labels = files.stanceLabels();
    assertEquals(37, labels.size());
    assertEquals(List.of("Democracy is important.", "Democracy is not important."), labels.get("e235"));
    // the stance labels cover exactly the questions of the scored responses
    assertEquals(new TreeSet<>(files.scoredResponses().stringColumn("question_key").unique().asList()),
        new TreeSet<>(labels.keySet()));
  }

  @Test
  void prompts() {
    Table t = files.translatedPrompts();
    assertEquals(3600, t.rowCount());
    assertEquals(ColumnType.INTEGER, t.column("index").type());
    assertEquals(1800, t.doubleColumn("controversy").countMissing());
    // 300 per language and template type
    assertEquals(300, t.where(t.stringColumn("language").isEqualTo("nl")
        .and(t.stringColumn("template_type").isEqualTo("headlines"))).rowCount());
    assertEquals(300, files.cleanEnglishPrompts().rowCount());
    assertEquals(35, files.topicVariations().size());
    assertEquals(11, files.promptTemplates().size());
  }

  @Test
  void demographicAndBenchmarks() {
    Table prompts = files.demographicPrompts();
    assertEquals(2400, prompts.rowCount());
    assertEquals(ColumnType.BOOLEAN, prompts.column("is_congruent").type());
    assertEquals(1200, prompts.booleanColumn("is_congruent").countTrue());
    Table results = files.demographicResults();
    assertEquals(2242, results.rowCount());
    assertEquals(14, results.columnCount());
    Table bench = files.multilingualBenchmarks();
    assertEquals(135, bench.rowCount());
    assertEquals(ColumnType.DOUBLE, bench.column("score").type());
  }

  @Test
  void jsonLines() {
    List<PaperFiles.BatchRequest> requests = files.batchRequests();
    assertEquals(7200, requests.size());
    assertEquals(3600, requests.stream().filter(r -> r.model().equals("gpt-3.5-turbo-0125")).count());
    assertEquals("gpt-3.5-turbo-0125-answers-00000", requests.get(0).customId());
    assertEquals("/v1/chat/completions", requests.get(0).url());
    assertEquals("user", requests.get(0).messages().get(0).role());
    assertEquals(950, files.classifierOutputs("olmo-analysis-responses.jsonl").size());
    List<PaperFiles.ClassifierOutput> demo = files.classifierOutputs("demographic-analysis-responses.jsonl");
    assertEquals(2400, demo.size());
    // response-0: pro, con, pro, con, pro, con, pro, pro
    assertEquals(5, demo.get(0).count("pro"));
    assertEquals(3, demo.get(0).count("con"));
    // 199 newline characters, 200 records: the last line has no line end
    assertEquals(200, files.exampleResponses().size());
  }

  @Test
  void supplementaryAndRowCounts() {
    assertTrue(files.supplementary("regressions/us_centric_bias_regression_results_normal.txt").toFile().isFile());
    assertEquals(83, files.rowCount("ground_truth_global.csv").getAsInt());
    assertTrue(files.rowCount("plots/rq1-robustness.png").isEmpty());
  }
}
