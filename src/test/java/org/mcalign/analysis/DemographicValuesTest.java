package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.mcalign.analysis.HypothesesValuesTest.assertSameValues;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@link Demographic} ({@code analyze_demographic}) against {@link PaperHypothesesPort#demographic}:
 * without resampling on generated results and on the paper's
 * {@code demographic-gemma-results.csv}; with resampling, round by round on the same draws
 * (the rows of each resample repeated physically, pairs built one by one) under both
 * consistency pairings.
 */
class DemographicValuesTest {
  static final double[] LEVELS = {0, 0.125, 0.25, 0.5, 0.625, 0.75, 0.875, 1.0};

  /** Two models, four languages (a few prompts answered in English), congruent or not, repeated answers per question. */
  static Table generated(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    StringColumn model = StringColumn.create("model"), lang = StringColumn.create("language"),
        rlang = StringColumn.create("response_language"), q = StringColumn.create("question_key");
    BooleanColumn congruent = BooleanColumn.create("is_congruent");
    DoubleColumn x = DoubleColumn.create("response_pro_score"), y = DoubleColumn.create("ground_truth_pro_score");
    for (String m : List.of("gemma-2-27b-it", "gemma-2-9b-it"))
      for (String l : List.of("en", "da", "nl", "pt"))
        for (int k = 0; k < 8; k++)
          for (boolean c : new boolean[] {true, false})
            for (int rep = 0, reps = 1 + rng.nextInt(3); rep < reps; rep++) {
              model.append(m);
              lang.append(l);
              rlang.append(rng.nextInt(10) == 0 ? "en" : l);
              q.append("q" + k);
              congruent.append(c);
              x.append(LEVELS[rng.nextInt(LEVELS.length)]);
              y.append(Math.round(1000 * rng.nextDouble()) / 1000.0);
            }
    return Table.create("demographic-gemma-results.csv", model, lang, rlang, q, congruent, x, y);
  }

  static Map<List<String>, double[]> byKey(Table t, int round) {
    Map<List<String>, double[]> out = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.intColumn("round").getInt(i) != round) continue;
      assertEquals("country", t.getString(i, "gt_group"));
      List<String> key = List.of(t.getString(i, "model_name"), t.getString(i, "response_language"), t.getString(i, "is_congruent"));
      assertNull(out.put(key, new double[] {t.doubleColumn("metric_value").getDouble(i), t.doubleColumn("consistency").getDouble(i)}), "duplicate " + key);
    }
    return out;
  }

  static int[] ones(int n) {
    int[] w = new int[n];
    java.util.Arrays.fill(w, 1);
    return w;
  }

  @ParameterizedTest
  @EnumSource(Metric.class)
  void onePassEqualsThePapersFunctionOnGeneratedResults(Metric metric) {
    AnalysisSettings s = AnalysisSettings.paper();
    for (long seed = 1; seed <= 3; seed++) {
      Table results = generated(seed);
      Table ours = Demographic.run(results, metric, 0, 1, s).table();
      assertEquals(List.of("model_name", "gt_group", "response_language", "is_congruent", "metric_value", "consistency", "round"), ours.columnNames());
      assertSameValues(PaperHypothesesPort.demographic(results, ones(results.rowCount()), metric, s.reliability(), false),
          byKey(ours, 0), "seed " + seed + " " + metric);
    }
  }

  @Test
  void onePassEqualsThePapersFunctionOnThePapersResults() {
    Table results = TestData.inputs().demographicResults();
    AnalysisSettings s = AnalysisSettings.paper();
    Table table = Demographic.run(results, Metric.SPEARMAN, 0, 1, s).table();
    assertEquals("spearman_n0_demographic_analysis.csv", table.name(), "the paper's file name");
    assertEquals("spearman_n100_extreme_total_gt_alignment.csv", TotalGroundTruthAlignment.fileName(Metric.SPEARMAN, 100));
    Map<List<String>, double[]> ours = byKey(table, 0);
    assertEquals(8, ours.size(), "four languages × congruent or not, one model");
    assertSameValues(PaperHypothesesPort.demographic(results, ones(results.rowCount()), Metric.SPEARMAN, s.reliability(), false),
        ours, "paper's demographic results");
  }

  /** Each round equals the paper's function on that round's resample, drawn from the same seeded generator. */
  @Test
  void everyResampledRoundEqualsThePapersFunctionOnTheSameDraws() {
    Table results = generated(4);
    int n = results.rowCount(), rounds = 4;
    long seed = 77;
    List<int[]> draws = Rounds.run(rounds, seed, 1, (r, rng) -> {
      int[] w = new int[n];
      Rounds.resampleCounts(w, n, rng);
      return w;
    });
    for (ConsistencyPairs pairs : ConsistencyPairs.values()) {
      AnalysisSettings s = AnalysisSettings.paper().withConsistencyPairs(pairs);
      Table ours = Demographic.run(results, Metric.SPEARMAN, rounds, seed, s).table();
      assertEquals(rounds, ours.intColumn("round").unique().size());
      for (int r = 0; r < rounds; r++)
        assertSameValues(PaperHypothesesPort.demographic(results, draws.get(r), Metric.SPEARMAN, s.reliability(),
            pairs == ConsistencyPairs.DISTINCT_POSITIONS), byKey(ours, r), pairs + " round " + r);
    }
  }
}
