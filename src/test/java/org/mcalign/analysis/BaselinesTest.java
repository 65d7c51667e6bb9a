package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.mcalign.data.Paper;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's baselines ({@code generate_baseline_responses}, {@code add_perfect_model}):
 * which rows they copy, the distribution and clipping of their scores, and the rounding of
 * the perfect model. Distributions are checked with bounds a correct generator passes for
 * every seed but the deterministic seeds here: 5 standard errors, KS p-values above 1e-4.
 */
class BaselinesTest {

  /** Responses of two models, the first in file order ("zeta") not first alphabetically. */
  static Table responses(int zetaRows) {
    StringColumn model = StringColumn.create("model_name"), family = StringColumn.create("model_family"),
        lang = StringColumn.create("language"), rlang = StringColumn.create("response_language"),
        q = StringColumn.create("question_key");
    DoubleColumn score = DoubleColumn.create("response_pro_score");
    String[] langs = {"en", "da", "nl", "pt"};
    for (int i = 0; i < zetaRows + 5; i++) {
      boolean zeta = i < 3 || i >= 8; // rows 3..7 belong to the second model
      model.append(zeta ? "zeta" : "alpha");
      family.append(zeta ? "fz" : "fa");
      lang.append(langs[i % 4]);
      rlang.append(langs[(i / 4) % 4]);
      q.append("q" + (i % 17));
      score.append((i % 11) / 10.0);
    }
    return Table.create("responses", model, family, lang, rlang, q, score);
  }

  static double[] scores(Table t) {
    return t.doubleColumn("response_pro_score").asDoubleArray();
  }

  @Test
  void baselinesCopyTheFirstModelsRowsInOrderUnderTheirOwnNames() {
    Table r = responses(40);
    Table zeta = r.where(r.stringColumn("model_name").isEqualTo("zeta"));
    for (Table b : List.of(Baselines.fiftyPercent(r, 0.01, 3), Baselines.uniformRandom(r, 3))) {
      assertEquals(zeta.rowCount(), b.rowCount(), "one baseline row per row of the first model");
      for (String c : List.of("language", "response_language", "question_key"))
        assertEquals(zeta.stringColumn(c).asList(), b.stringColumn(c).asList(), c);
      assertEquals(List.of("Baseline"), b.stringColumn("model_family").unique().asList());
    }
    assertEquals(List.of(Paper.BASELINE_FIFTY), Baselines.fiftyPercent(r, 0.01, 3).stringColumn("model_name").unique().asList());
    assertEquals(List.of(Paper.BASELINE_UNIFORM), Baselines.uniformRandom(r, 3).stringColumn("model_name").unique().asList());
  }

  @Test
  void withBaselinesAppendsFiftyThenUniformAndLeavesTheResponsesAlone() {
    Table r = responses(40);
    double[] before = scores(r);
    AnalysisSettings s = AnalysisSettings.paper();
    Table all = Baselines.withBaselines(r, s, 9);
    int z = r.where(r.stringColumn("model_name").isEqualTo("zeta")).rowCount();
    assertEquals(r.rowCount() + 2 * z, all.rowCount());
    assertArrayEquals(before, scores(r), "input unchanged");
    assertArrayEquals(before, Arrays.copyOf(scores(all), r.rowCount()), "original rows first, unchanged");
    for (int i = 0; i < all.rowCount(); i++) {
      String expected = i < r.rowCount() ? r.getString(i, "model_name") : i < r.rowCount() + z ? Paper.BASELINE_FIFTY : Paper.BASELINE_UNIFORM;
      assertEquals(expected, all.getString(i, "model_name"), "row " + i);
    }
    assertArrayEquals(scores(Baselines.fiftyPercent(r, s.fiftyPercentSd(), 9)),
        Arrays.copyOfRange(scores(all), r.rowCount(), r.rowCount() + z), "the fifty-percent rows use the settings' sd");
    assertArrayEquals(scores(Baselines.uniformRandom(r, 9)), Arrays.copyOfRange(scores(all), r.rowCount() + z, all.rowCount()));
  }

  @Test
  void fiftyPercentIsNormalAroundOneHalfWithTheGivenSd() {
    Table r = responses(20_000);
    double sd = 0.01;
    double[] v = scores(Baselines.fiftyPercent(r, sd, 17));
    int n = v.length;
    double[] z = Arrays.stream(v).map(x -> (x - 0.5) / sd).toArray();
    double mean = Arrays.stream(z).average().orElseThrow();
    double var = Arrays.stream(z).map(x -> (x - mean) * (x - mean)).sum() / (n - 1);
    assertEquals(0, mean, 5 / Math.sqrt(n), "mean of (score - 0.5) / sd");
    assertEquals(1, Math.sqrt(var), 5 * Math.sqrt(0.5 / n), "sd of (score - 0.5) / sd");
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(null, 0, 1), z);
    assertTrue(p > 1e-4, "standardised scores are N(0, 1): KS p = " + p);
    assertTrue(Arrays.stream(v).allMatch(x -> x > 0.44 && x < 0.56), "with sd 0.01 nothing reaches the clip bounds");
  }

  @Test
  void fiftyPercentIsClippedToTheUnitInterval() {
    Table r = responses(20_000);
    double sd = 0.5; // P(0.5 + 0.5 g < 0) = P(g < -1) = Φ(-1)
    double[] v = scores(Baselines.fiftyPercent(r, sd, 5));
    int n = v.length;
    double tail = new NormalDistribution(null, 0, 1).cumulativeProbability(-1);
    long zeros = Arrays.stream(v).filter(x -> x == 0.0).count(), ones = Arrays.stream(v).filter(x -> x == 1.0).count();
    double bound = 5 * Math.sqrt(n * tail * (1 - tail));
    assertEquals(n * tail, zeros, bound, "scores clipped to exactly 0");
    assertEquals(n * tail, ones, bound, "scores clipped to exactly 1");
    assertTrue(Arrays.stream(v).allMatch(x -> x >= 0 && x <= 1), "all in [0, 1]");
    // inside the bounds, untouched: N(0.5, 0.5²) restricted to (0, 1), symmetric around 0.5
    double[] inside = Arrays.stream(v).filter(x -> x > 0 && x < 1).toArray();
    double m = Arrays.stream(inside).average().orElseThrow();
    assertEquals(0.5, m, 5 * 0.29 / Math.sqrt(inside.length), "interior mean");
  }

  @Test
  void uniformRandomIsUniformOnTheUnitInterval() {
    double[] v = scores(Baselines.uniformRandom(responses(20_000), 23));
    assertTrue(Arrays.stream(v).allMatch(x -> x >= 0 && x < 1));
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(null, 0, 1), v);
    assertTrue(p > 1e-4, "KS p = " + p);
  }

  @Test
  void baselinesAreSeeded() {
    Table r = responses(200);
    assertArrayEquals(scores(Baselines.fiftyPercent(r, 0.01, 4)), scores(Baselines.fiftyPercent(r, 0.01, 4)));
    assertArrayEquals(scores(Baselines.uniformRandom(r, 4)), scores(Baselines.uniformRandom(r, 4)));
    assertFalse(Arrays.equals(scores(Baselines.uniformRandom(r, 4)), scores(Baselines.uniformRandom(r, 5))));
    assertFalse(Arrays.equals(scores(Baselines.fiftyPercent(r, 0.01, 4)), scores(Baselines.fiftyPercent(r, 0.01, 5))));
  }

  @Test
  void noResponsesIsAnError() {
    Table empty = responses(0).emptyCopy();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baselines.fiftyPercent(empty, 0.01, 1));
    assertTrue(e.getMessage().contains("no responses"), e.getMessage());
  }

  /**
   * {@code add_perfect_model}: per (question, group, response language, language) the mean
   * ground truth, and as response score that mean rounded as numpy rounds (half to even on
   * the decimal value: the expected scores below are numpy's {@code np.round(v, 1)}).
   */
  @Test
  void perfectModelIsTheRoundedMeanGroundTruthPerGroup() {
    String[][] keys = {
        {"q1", "US", "en", "en"}, {"q1", "US", "en", "en"}, // mean 0.25 -> 0.2
        {"q1", "GB", "en", "en"}, // 0.35 -> 0.4
        {"q2", "US", "en", "en"}, // 0.45 -> 0.4
        {"q2", "US", "da", "en"}, {"q2", "US", "da", "en"}, // mean 0.65 -> 0.6
        {"q3", "DK", "da", "da"}, // 0.75 -> 0.8
        {"q3", "DK", "da", "nl"}}; // 0.05 -> 0.0
    double[] gt = {0.2, 0.3, 0.35, 0.45, 0.65, 0.65, 0.75, 0.05};
    StringColumn q = StringColumn.create("question_key"), c = StringColumn.create("cntry_an"),
        rl = StringColumn.create("response_language"), l = StringColumn.create("language");
    for (String[] k : keys) { q.append(k[0]); c.append(k[1]); rl.append(k[2]); l.append(k[3]); }
    Table in = Table.create("with_gt", q, c, rl, l, DoubleColumn.create("ground_truth_pro_score", gt));
    Table p = Baselines.perfect(in, "cntry_an", "ground_truth_pro_score");
    assertEquals(6, p.rowCount());
    Object[][] expected = {
        {"q1|US|en|en", 0.25, 0.2}, {"q1|GB|en|en", 0.35, 0.4}, {"q2|US|en|en", 0.45, 0.4},
        {"q2|US|da|en", 0.65, 0.6}, {"q3|DK|da|da", 0.75, 0.8}, {"q3|DK|da|nl", 0.05, 0.0}};
    for (Object[] e : expected) {
      int row = -1;
      for (int i = 0; i < p.rowCount(); i++)
        if (String.join("|", p.getString(i, "question_key"), p.getString(i, "cntry_an"), p.getString(i, "response_language"),
            p.getString(i, "language")).equals(e[0])) row = i;
      assertTrue(row >= 0, "no row for " + e[0]);
      assertEquals((double) e[1], p.doubleColumn("ground_truth_pro_score").getDouble(row), 1e-12, "mean of " + e[0]);
      assertEquals((double) e[2], p.doubleColumn("response_pro_score").getDouble(row), 0, "rounded score of " + e[0]);
      assertEquals(Paper.BASELINE_PERFECT, p.getString(row, "model_name"));
      assertEquals("Baseline", p.getString(row, "model_family"));
    }
  }
}
