package org.mcalign.analysis.stages;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.mcalign.data.Dataset;
import org.mcalign.prompts.PaperData;
import tech.tablesaw.api.Table;

/** The notebook facades on the paper's files. */
class StagesOnPaperDataTest {
  @Test
  void mergeStageReproducesTheDemographicResults() {
    Table t = MergeStage.of(Dataset.at(PaperData.dir())).reproduceDemographic();
    assertEquals("2242", t.stringColumn("published rows").get(0));
    assertEquals(2242, t.intColumn("rows equal").getInt(0));
    assertEquals(0.0, t.doubleColumn(3).getDouble(0));
  }

  @Test
  void openModelsAreRequestedUnderTheirServedNames() {
    ResponseStage vllm = ResponseStage.vllm(Dataset.at(PaperData.dir()));
    Table names = vllm.servedNames();
    assertEquals(6, names.rowCount());
    assertEquals("google/gemma-2-2b-it", names.stringColumn("requested_as").get(0));
    assertEquals("allenai/OLMo-2-0325-32B-Instruct", names.stringColumn("requested_as").get(5));
    assertTrue(vllm.exampleRequest().contains("\"model\": \"google/gemma-2-2b-it\""), vllm.exampleRequest());
    assertTrue(vllm.exampleRequest().contains("\"custom_id\": \"gemma-2-2b-it-"), "ids stay the paper's");
    ResponseStage renamed = vllm.withServedNames(java.util.Map.of("gemma-2-2b-it", "gemma-small"));
    assertEquals("gemma-small", renamed.servedNames().stringColumn("requested_as").get(0));
    Table openAi = ResponseStage.openAi(Dataset.at(PaperData.dir())).servedNames();
    for (int i = 0; i < openAi.rowCount(); i++)
      assertEquals(openAi.stringColumn("model").get(i), openAi.stringColumn("requested_as").get(i));
  }

  @Test
  void translationStagePlansThePapersRequests() {
    TranslationStage s = TranslationStage.of(Dataset.at(PaperData.dir()));
    assertEquals(s.units().size(), s.requestSummary().intColumn("requests").sum(), 0);
    Table check = s.publishedCheck();
    assertEquals(12, check.rowCount());
    assertEquals(0, check.intColumn("templates without {topic}").sum(), 0);
    assertTrue(s.cost().doubleColumn("estimated_usd").getDouble(0) > 0);
  }

  @Test
  void classificationStageParsesThePapersOutputs() {
    ClassificationStage s = ClassificationStage.of(Dataset.at(PaperData.dir()));
    Table t = s.outputs(java.util.List.of("olmo-analysis-responses.jsonl", "demographic-analysis-responses.jsonl"));
    assertEquals(950, t.intColumn("answers").getInt(0));
    assertEquals(2400, t.intColumn("answers").getInt(1));
    assertFalse(s.exampleRequests().isEmpty());
  }
}
