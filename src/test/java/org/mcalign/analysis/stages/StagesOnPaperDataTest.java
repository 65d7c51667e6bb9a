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
