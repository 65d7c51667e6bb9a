package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mcalign.data.Paper;
import org.mcalign.stats.Correlation;
import tech.tablesaw.api.Table;

class SelfConsistencyTest {

  /**
   * Global ground truth has one row per question, so its golden consistency is the plain
   * self-consistency over the responses to the questions it covers (32 of 37).
   */
  @Test
  void noResampleEqualsGoldenGlobalConsistency() throws IOException {
    AnalysisSettings s = AnalysisSettings.paper().withAllRounds(0);
    Table all = TestData.inputs().responses();
    java.util.Set<String> globalQuestions = new java.util.HashSet<>();
    for (String q : TestData.inputs().groundTruthGlobal().stringColumn("question_key")) globalQuestions.add(q.toLowerCase());
    Table covered = all.where(all.stringColumn("question_key").isIn(globalQuestions));
    assertTrue(covered.rowCount() < all.rowCount());
    Table t = SelfConsistency.perModelLanguage(covered, s, 1).table();
    Map<String, Double> ours = new HashMap<>();
    for (int i = 0; i < t.rowCount(); i++)
      ours.put(t.getString(i, "model") + "|" + t.getString(i, "language"), t.doubleColumn("self-consistency").getDouble(i));
    int checked = 0;
    for (String line : Files.readAllLines(TestData.goldens().resolve("total_gt_alignment_no_resample.csv"))) {
      String[] f = line.split(",");
      if (!f[6].equals("global")) continue;
      String k = org.mcalign.data.Study.paper().displayName(f[0]) + "|" + org.mcalign.data.Study.paper().languageName(f[2]);
      assertEquals(Double.parseDouble(f[4]), ours.get(k), 1e-9, k);
      checked++;
    }
    assertEquals(36, checked);
    assertEquals(36, t.rowCount());
  }

  @Test
  void crossEffectsNoResampleEqualsExplicitPairs() {
    Table r = TestData.inputs().responses();
    AnalysisSettings s = AnalysisSettings.paper().withAllRounds(0);
    Table t = SelfConsistency.crossEffects(r, s, 1).table();
    assertEquals(9, t.rowCount());
    String model = "gemma-2-9b-it";
    Table m = r.where(r.stringColumn("model_name").isEqualTo(model));
    List<Double> wl = new ArrayList<>(), wr = new ArrayList<>(), bl = new ArrayList<>(), br = new ArrayList<>();
    for (int i = 0; i < m.rowCount(); i++)
      for (int j = 0; j < m.rowCount(); j++) {
        if (!m.getString(i, "question_key").equals(m.getString(j, "question_key"))) continue;
        boolean same = m.getString(i, "language").equals(m.getString(j, "language"));
        (same ? wl : bl).add(m.doubleColumn("response_pro_score").getDouble(i));
        (same ? wr : br).add(m.doubleColumn("response_pro_score").getDouble(j));
      }
    double within = Correlation.pearson(arr(wl), arr(wr)) / 0.955;
    double between = Correlation.pearson(arr(bl), arr(br)) / 0.955;
    Table row = t.where(t.stringColumn("model_name").isEqualTo(model));
    assertEquals(within, row.doubleColumn("true").getDouble(0), 1e-12);
    assertEquals(between, row.doubleColumn("false").getDouble(0), 1e-12);
    assertEquals(within - between, row.doubleColumn("Consistency Gap").getDouble(0), 1e-12);
  }

  @Test
  void countryRangeMatchesThePaperReferenceLines() {
    double[] r = SelfConsistency.countryRange(TestData.inputs());
    assertEquals(0.66, r[0], 0.006); // the paper draws its lines at 0.66 and 0.84
    assertEquals(0.84, r[1], 0.006);
  }

  private static double[] arr(List<Double> l) {
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
