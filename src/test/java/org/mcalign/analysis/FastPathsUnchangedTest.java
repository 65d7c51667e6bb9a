package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.mcalign.data.CsvOut;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The speed-ups of issue 19 change no result: on the paper's data, for two seeds, each fast
 * path gives the same numbers, bit for bit, as the code it replaced (kept beside it as the
 * reference), and the analyses' files the same text.
 */
class FastPathsUnchangedTest {

  /** The largest resampling join of {@code analyze all}: responses × every country's truth on the question. */
  private static GroupedPairs allCombinations() {
    AnalysisInputs in = TestData.inputs();
    Table r = Baselines.withBaselines(in.responses(), AnalysisSettings.paper(), 1);
    Hypotheses.Gt gt = new Hypotheses.Gt(in.groundTruthAllCountries());
    GroupedPairs p = new GroupedPairs("model_name", "response_language", "cntry_an");
    DoubleColumn score = r.doubleColumn("response_pro_score");
    for (int i = 0; i < r.rowCount(); i++)
      for (int g : gt.of(r.getString(i, "question_key")))
        p.add(score.getDouble(i), gt.score[g], r.getString(i, "model_name"), r.getString(i, "response_language"),
            gt.country[g]);
    return p;
  }

  @ParameterizedTest
  @ValueSource(longs = {5125, 20_260_219})
  void groupedResamplingGivesTheSameNumbers(long seed) {
    GroupedPairs p = allCombinations();
    assertTrue(p.groups() > 300, "groups: " + p.groups());
    int perGroup = AnalysisSettings.paper().perGroupSample();
    for (Metric m : Metric.values())
      for (int rounds : new int[] {0, 40}) {
        List<double[]> fast = p.sampleMetric(m, perGroup, rounds, seed, 2);
        List<double[]> reference = p.sampleMetricReference(m, perGroup, rounds, seed, 1);
        assertEquals(reference.size(), fast.size());
        for (int round = 0; round < fast.size(); round++)
          assertArrayEquals(reference.get(round), fast.get(round), 0.0, m + ", round " + round);
      }
  }

  /** Every number {@code analyze all} writes (fewer rounds) prints the same through the fast and the searching repr. */
  @ParameterizedTest
  @ValueSource(longs = {5125, 20_260_219})
  void everyNumberOfTheOutputsPrintsTheSame(long seed) {
    PaperAnalysis.Result r = PaperAnalysis.run(TestData.inputs(), AnalysisSettings.paper().withAllRounds(4), seed,
        PaperAnalysis.Scope.ALL);
    int checked = 0;
    for (var e : r.tables().entrySet())
      for (Column<?> c : e.getValue().columns())
        if (c instanceof DoubleColumn d)
          for (int i = 0; i < d.size(); i++, checked++) {
            double x = d.getDouble(i);
            if (Double.isNaN(x)) continue;
            String fast = CsvOut.formatDouble(x);
            if (!fast.equals(org.mcalign.data.PythonFloatsReference.reprBySearch(x)))
              assertEquals(org.mcalign.data.PythonFloatsReference.reprBySearch(x), fast, e.getKey() + " " + c.name() + " row " + i);
          }
    assertTrue(checked > 20_000, "numbers checked: " + checked);
  }
  /** The int-array join gives the reference join's rows, codes and scores at every level. */
  @org.junit.jupiter.api.Test
  void theJoinGivesTheSameRowsAtEveryLevel() {
    AnalysisInputs in = TestData.inputs();
    Table r = Baselines.withBaselines(in.responses(), AnalysisSettings.paper(), 1);
    for (GroundTruthType type : GroundTruthType.values()) {
      Table gt = JoinedScores.groundTruth(in, type);
      JoinedScores fast = JoinedScores.join(r, gt), reference = JoinedScores.joinReference(r, gt);
      assertTrue(fast.n > 9000, type + ": " + fast.n + " rows");
      assertEquals(reference.n, fast.n, type + " rows");
      assertArrayEquals(reference.model, fast.model, type + " model");
      assertArrayEquals(reference.language, fast.language, type + " language");
      assertArrayEquals(reference.responseLanguage, fast.responseLanguage, type + " response_language");
      assertArrayEquals(reference.question, fast.question, type + " question");
      assertArrayEquals(reference.gtGroup, fast.gtGroup, type + " gt_group");
      assertArrayEquals(reference.responseScore, fast.responseScore, 0.0, type + " response score");
      assertArrayEquals(reference.gtScore, fast.gtScore, 0.0, type + " gt score");
      for (Codes[] c : new Codes[][] {{reference.models, fast.models}, {reference.languages, fast.languages},
          {reference.questions, fast.questions}, {reference.gtGroups, fast.gtGroups}}) {
        assertEquals(c[0].size(), c[1].size(), type + " dictionary size");
        for (int k = 0; k < c[0].size(); k++) assertEquals(c[0].name(k), c[1].name(k), type + " code " + k);
      }
    }
  }
}
