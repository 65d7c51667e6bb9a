package org.mcalign.analysis.stages;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.analysis.AnalysisResult;
import org.mcalign.analysis.AnalysisSettings;
import org.mcalign.analysis.Metric;
import org.mcalign.analysis.demo.DemoSettings;
import org.mcalign.data.Dataset;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.scoring.ScoreMerge;
import tech.tablesaw.api.Table;

/**
 * The demographic experiment end to end on a DEMO dataset through the simulated server: variants
 * written, sent to the simulated gemma-2-27b-it (it follows the country a prompt names),
 * annotated by the simulated gpt-4o-mini with the paper's annotation prompt, merged and analysed.
 */
class DemographicStageTest {
  @TempDir Path dir;
  static final DemoSettings settings = SmallDemo.SETTINGS;
  static Dataset demo;

  @BeforeAll
  static void buildDemo() {
    demo = SmallDemo.dataset();
  }

  @Test
  void rebuildsTheDemographicResultsFileAndThePapersAnalysisOnIt() throws Exception {
    DemographicStage stage = DemographicStage.of(demo).withSeed(settings.seed()).writingTo(dir.resolve("out"));
    Table v = stage.writeVariants();
    assertEquals(stage.variants().size(), v.intColumn("rows").getInt(0));
    // the variants file is the demo's (the paper's format, same seeded draws)
    assertEquals(Files.readString(demo.path("demographic-all_prompts_responses.csv")),
        Files.readString(stage.output("demographic-all_prompts_responses.csv")));
    assertEquals("DEMO-demographic-all_prompts_responses.csv", stage.output("demographic-all_prompts_responses.csv").getFileName().toString());

    // every request carries the paper's vLLM sampling and one user message with the country sentence
    var req = stage.responseRequests();
    assertEquals(stage.variants().size(), req.size());
    String line = req.get(0).toJsonLine();
    assertTrue(line.contains("\"temperature\": 0.7") && line.contains("\"stop\": \"11.\"") && line.contains("\"max_tokens\": 600"), line);
    assertTrue(req.get(0).userContent().contains(stage.variants().get(0).country()));

    Table r = stage.respondSimulated(settings, null);
    assertEquals(req.size(), r.intColumn("rows").getInt(0));
    Table a = stage.annotateSimulated(settings, null);
    assertEquals(req.size(), a.intColumn("rows").getInt(0));
    // the annotation requests are the paper's: gpt-4o-mini, its system prompt, {topic, response}
    List<String> lines = Files.readAllLines(stage.output("demographic-analysis-responses.jsonl"));
    assertTrue(lines.get(0).startsWith("{\"custom_id\": \"response-0\", \"language\": "), lines.get(0));

    stage.merge();
    CsvRecords ours = CsvRecords.read(stage.output("demographic-gemma-results.csv"));
    assertEquals(ScoreMerge.DEMOGRAPHIC_COLUMNS, ours.columns());
    assertTrue(ours.size() > 0.6 * req.size(), ours.size() + " of " + req.size());
    // the stage reproduces the demo's own file row for row
    Table cmp = stage.compareWithDataset();
    assertEquals("true", cmp.stringColumn("columns equal").get(0));
    assertEquals(ours.size(), cmp.intColumn("dataset's rows").getInt(0));
    assertEquals(ours.size(), cmp.intColumn("rows equal in every column").getInt(0));

    // the paper's analysis on it: groups (language × congruence), rounds, seeded
    AnalysisResult res = stage.analyse(Metric.SPEARMAN, 40, 11, AnalysisSettings.paper());
    assertEquals(List.of("model_name", "gt_group", "response_language", "is_congruent", "metric_value", "consistency", "round"),
        res.table().columnNames());
    assertTrue(Files.exists(stage.output("spearman_n40_demographic_analysis.csv")));
    Table means = stage.analysisMeans(res);
    assertEquals(8, means.rowCount());
    // the planted behaviour: naming a country of the prompt's language aligns the answers with that language's opinions
    Table one = stage.ourAlignment();
    for (String lang : List.of("da", "nl", "pt")) {
      double congruent = one.where(one.stringColumn("language").isEqualTo(lang).and(one.stringColumn("is_congruent").isEqualTo("true")))
          .doubleColumn("spearman").getDouble(0);
      double incongruent = one.where(one.stringColumn("language").isEqualTo(lang).and(one.stringColumn("is_congruent").isEqualTo("false")))
          .doubleColumn("spearman").getDouble(0);
      assertTrue(congruent > incongruent, lang + ": " + congruent + " vs " + incongruent);
    }
  }

  @Test
  void theSimulatedRunsNeedTheDemoAndTheStepsTheirInputs() {
    DemographicStage stage = DemographicStage.of(demo).withSeed(settings.seed()).writingTo(dir.resolve("empty"));
    var e = assertThrows(IllegalStateException.class, stage::merge);
    assertTrue(e.getMessage().contains("demographic-analysis-responses.jsonl"), e.getMessage());
    var f = assertThrows(IllegalStateException.class, () -> stage.annotateSimulated(settings, null));
    assertTrue(f.getMessage().contains("run respond"), f.getMessage());
  }
}
