package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.mcalign.analysis.HypothesesValuesTest.groundTruth;
import static org.mcalign.analysis.HypothesesValuesTest.inputs;
import static org.mcalign.analysis.HypothesesValuesTest.responses;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mcalign.data.Paper;
import tech.tablesaw.api.Table;

/**
 * The resampling of {@link Hypotheses} ({@code sample_and_calculate}: each group drawn to
 * {@code perGroupSample} rows with replacement, every round) on cases whose answer is known:
 * groups whose metric cannot change under resampling give the exact value in every round,
 * and a group of two rows gives a known binomial distribution.
 */
class HypothesesResamplingTest {
  static final int ROUNDS = 400;

  static AnalysisSettings settings(int perGroup) {
    return new AnalysisSettings(0, ROUNDS, perGroup, 0, 0, 0, 0.045, 0.01, 2, ConsistencyPairs.DISTINCT_ROWS,
        ConsistencyPairs.DISTINCT_POSITIONS);
  }

  /**
   * English answers 0 and 1 against a US truth of 0 and 0: |x − y| is 0 or 1, so each round's
   * mean alignment is 1 − k/n with k ~ Binomial(n, 1/2) for n = perGroupSample draws.
   */
  @Test
  void eachRoundDrawsPerGroupSampleRowsUniformlyWithReplacement() {
    Table r = responses(new String[][] {{"M", "en", "en", "q1"}, {"M", "en", "en", "q2"}}, new double[] {0, 1});
    Table gt = groundTruth(new String[][] {{"US", "q1", "en"}, {"US", "q2", "en"}}, new double[] {0, 0});
    int n = 50;
    Table t = Hypotheses.run("english_language_alignment", inputs(r, gt), r, Metric.MEAN_ALIGNMENT, settings(n), 11).table();
    assertEquals(ROUNDS, t.rowCount(), "one row per round for the one group");
    assertArrayEquals(java.util.stream.IntStream.range(0, ROUNDS).toArray(), t.intColumn("round").asIntArray());
    double[] v = t.doubleColumn("metric_value").asDoubleArray();
    for (double x : v) {
      double k = (1 - x) * n;
      assertEquals(Math.rint(k), k, 1e-9, "1 − k/" + n + " for a whole number k of rows with |x − y| = 1: " + x);
    }
    double mean = Arrays.stream(v).average().orElseThrow();
    double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (ROUNDS - 1);
    double expectedVar = 0.25 / n;
    assertEquals(0.5, mean, 5 * Math.sqrt(expectedVar / ROUNDS), "mean over rounds");
    assertEquals(expectedVar, var, 5 * expectedVar * Math.sqrt(2.0 / (ROUNDS - 1)), "variance over rounds: Binomial(n, 1/2) / n²");
    Table again = Hypotheses.run("english_language_alignment", inputs(r, gt), r, Metric.MEAN_ALIGNMENT, settings(n).withThreads(1), 11).table();
    assertArrayEquals(v, again.doubleColumn("metric_value").asDoubleArray(), "seeded: same seed, same draws, any thread count");
  }

  /**
   * Relative performance subtracts the uniform baseline's metric of the same round: M's
   * metric is 0.8 in every round, the baseline's is 1 − k/n (answers 0 and 1 against a truth
   * of 0), so M's relative value is k/n − 0.2, varying from round to round with mean 0.3.
   */
  @Test
  void relativePerformanceSubtractsTheBaselineOfTheSameRound() {
    Table r = responses(new String[][] {{"M", "en", "en", "q1"}, {"M", "en", "en", "q2"},
        {Paper.BASELINE_UNIFORM, "en", "en", "q1"}, {Paper.BASELINE_UNIFORM, "en", "en", "q2"}}, new double[] {0.2, 0.2, 0, 1});
    Table gt = groundTruth(new String[][] {{"US", "q1", "en"}, {"US", "q2", "en"}}, new double[] {0, 0});
    int n = 50;
    double[] v = Hypotheses.run("extreme_relative_performance", inputs(r, gt), r, Metric.MEAN_ALIGNMENT, settings(n), 9).table()
        .doubleColumn("metric_value").asDoubleArray();
    assertEquals(ROUNDS, v.length);
    java.util.Set<Double> distinct = new java.util.HashSet<>();
    for (double x : v) {
      double k = (x + 0.2) * n;
      assertEquals(Math.rint(k), k, 1e-9, "k/n − 0.2: " + x);
      distinct.add(x);
    }
    assertTrue(distinct.size() > 5, "varies with the baseline's round: " + distinct);
    double mean = Arrays.stream(v).average().orElseThrow();
    assertEquals(0.3, mean, 5 * Math.sqrt(0.25 / n / ROUNDS));
  }

  /**
   * Model M answers q1 .3 and q2 .6 against the US truth .1, .4 (|x − y| = .2 on both) and
   * GB's 0, .3 (|x − y| = .3); the uniform baseline answers .5 and .8 (|x − y| = .4 and .5). No
   * resample can change those means, so every round has the exact values.
   */
  @Test
  void metricsThatNoResampleCanChangeAreExactInEveryRound() {
    Table r = responses(new String[][] {{"M", "en", "en", "q1"}, {"M", "en", "en", "q2"},
        {Paper.BASELINE_UNIFORM, "en", "en", "q1"}, {Paper.BASELINE_UNIFORM, "en", "en", "q2"}}, new double[] {0.3, 0.6, 0.5, 0.8});
    Table gt = groundTruth(new String[][] {{"US", "q1", "en"}, {"US", "q2", "en"}, {"GB", "q1", "en"}, {"GB", "q2", "en"}},
        new double[] {0.1, 0.4, 0.0, 0.3});
    AnalysisInputs in = inputs(r, gt);
    AnalysisSettings s = settings(7);
    Table rel = Hypotheses.run("extreme_relative_performance", in, r, Metric.MEAN_ALIGNMENT, s, 3).table();
    assertEquals(2 * ROUNDS, rel.rowCount(), "M against US and GB, every round");
    for (int i = 0; i < rel.rowCount(); i++) {
      boolean us = rel.getString(i, "cntry_an").equals("US");
      assertEquals("M", rel.getString(i, "model_name"));
      assertEquals(us ? (1 - 0.2) - (1 - 0.4) : (1 - 0.3) - (1 - 0.5), rel.doubleColumn("metric_value").getDouble(i), 1e-12, "row " + i);
    }
    Table cross = Hypotheses.run("cross_linguistic_cultural_transfer", in, r, Metric.MEAN_ALIGNMENT, s, 3).table();
    Table m = cross.where(cross.stringColumn("model_name").isEqualTo("M"));
    assertEquals(ROUNDS, m.rowCount(), "M against GB (the US itself is left out), every round");
    for (int i = 0; i < m.rowCount(); i++) {
      assertEquals("GB", m.getString(i, "cntry_an"));
      assertEquals(1 - 0.3, m.doubleColumn("Native Alignment").getDouble(i), 1e-12);
      assertEquals(1 - 0.2, m.doubleColumn("US Alignment").getDouble(i), 1e-12);
    }
  }
}
