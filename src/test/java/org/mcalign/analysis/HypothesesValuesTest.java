package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mcalign.analysis.PaperHypothesesPort.Frame;
import org.mcalign.data.Paper;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Values of the six analyses of {@link Hypotheses} without resampling (rounds = 0) against
 * values computed independently: by hand on a table small enough to follow, and by
 * {@link PaperHypothesesPort} (the paper's functions, step by step) on generated tables
 * that exercise every filter (prompts answered in another language, an English-language
 * country outside the paper's English-speaking list, questions without ground truth,
 * groups of one row) and on the paper's data.
 */
class HypothesesValuesTest {
  static final double TOL = 1e-12;

  static Table responses(String[][] rows, double[] scores) {
    StringColumn m = StringColumn.create("model_name"), f = StringColumn.create("model_family"), l = StringColumn.create("language"),
        rl = StringColumn.create("response_language"), q = StringColumn.create("question_key");
    for (String[] r : rows) { m.append(r[0]); f.append("fam"); l.append(r[1]); rl.append(r[2]); q.append(r[3]); }
    return Table.create("responses", m, f, l, rl, q, DoubleColumn.create("response_pro_score", scores));
  }

  static Table groundTruth(String[][] rows, double[] scores) {
    StringColumn c = StringColumn.create("cntry_an"), q = StringColumn.create("question_key"), l = StringColumn.create("language");
    for (String[] r : rows) { c.append(r[0]); q.append(r[1]); l.append(r[2]); }
    return Table.create("ground_truth_all_countries.csv", c, q, DoubleColumn.create("pro_score", scores), l);
  }

  static AnalysisInputs inputs(Table responses, Table gtAllCountries) {
    return new AnalysisInputs(null, responses, null, null, null, gtAllCountries, null, null, null);
  }

  static Table run(String analysis, AnalysisInputs in, Metric m) {
    AnalysisSettings s = AnalysisSettings.paper().withAllRounds(0);
    return Hypotheses.run(analysis, in, in.responses(), m, s, 1).table();
  }

  /** Rows of an output table by their key columns (as listed), value columns as an array. */
  static Map<List<String>, double[]> byKey(Table t, List<String> keys, String... values) {
    Map<List<String>, double[]> out = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    for (int i = 0; i < t.rowCount(); i++) {
      int row = i;
      double[] v = new double[values.length];
      for (int k = 0; k < v.length; k++) v[k] = t.doubleColumn(values[k]).getDouble(row);
      assertNull(out.put(keys.stream().map(c -> t.getString(row, c)).toList(), v), "duplicate row " + i);
      assertEquals(0, t.intColumn("round").getInt(i), "rounds = 0 is one pass, round 0");
    }
    return out;
  }

  /** pandas' groupby sorts its keys: rows come in key order (per round). */
  static Table sortedByKeys(Table t, List<String> keys) {
    for (int i = 1; i < t.rowCount(); i++) {
      if (t.intColumn("round").getInt(i) != t.intColumn("round").getInt(i - 1)) continue;
      int row = i;
      String a = String.join("\u0000", keys.stream().map(c -> t.getString(row - 1, c)).toList());
      String b = String.join("\u0000", keys.stream().map(c -> t.getString(row, c)).toList());
      assertTrue(a.compareTo(b) < 0, t.name() + ": row " + i + " out of key order: " + a + " then " + b);
    }
    return t;
  }

  static Map<List<String>, double[]> wrap(Map<List<String>, Double> m) {
    Map<List<String>, double[]> out = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    m.forEach((k, v) -> out.put(k, new double[] {v}));
    return out;
  }

  static void assertSameValues(Map<List<String>, double[]> expected, Map<List<String>, double[]> actual, String what) {
    java.util.Set<String> e = new java.util.TreeSet<>(expected.keySet().stream().map(Object::toString).toList());
    java.util.Set<String> a = new java.util.TreeSet<>(actual.keySet().stream().map(Object::toString).toList());
    java.util.Set<String> missing = new java.util.TreeSet<>(e), extra = new java.util.TreeSet<>(a);
    missing.removeAll(a);
    extra.removeAll(e);
    assertTrue(missing.isEmpty() && extra.isEmpty(), what + ": groups missing " + missing + ", unexpected " + extra);
    expected.forEach((k, ev) -> {
      double[] av = actual.get(k);
      for (int i = 0; i < ev.length; i++)
        if (Double.isNaN(ev[i])) assertTrue(Double.isNaN(av[i]), what + " " + k + ": expected NaN, got " + av[i]);
        else assertEquals(ev[i], av[i], TOL, what + " " + k);
    });
  }

  // ---- by hand --------------------------------------------------------------------------

  /**
   * Ground truth: q1 US .2, GB .4, NG .6 (English, outside the paper's English-speaking list),
   * DK .8; q2 US .5, GB 0, NG 0, DK .9. Model M: English prompts q1 .3, q2 .6; Danish
   * prompts answered in Danish q1 .7, q2 .9; a Danish prompt answered in English q1 0.
   */
  static AnalysisInputs handMade() {
    Table r = responses(new String[][] {{"M", "en", "en", "q1"}, {"M", "en", "en", "q2"}, {"M", "da", "da", "q1"},
        {"M", "da", "da", "q2"}, {"M", "da", "en", "q1"}}, new double[] {0.3, 0.6, 0.7, 0.9, 0.0});
    Table gt = groundTruth(new String[][] {{"US", "q1", "en"}, {"GB", "q1", "en"}, {"NG", "q1", "en"}, {"DK", "q1", "da"},
        {"US", "q2", "en"}, {"GB", "q2", "en"}, {"NG", "q2", "en"}, {"DK", "q2", "da"}}, new double[] {0.2, 0.4, 0.6, 0.8, 0.5, 0, 0, 0.9});
    return inputs(r, gt);
  }

  @Test
  void monoculturalAlignmentByHand() {
    Table t = run("monocultural_alignment", handMade(), Metric.MEAN_ALIGNMENT);
    assertEquals("mean_alignment_n0_monocultural_alignment.csv", t.name(), "the paper's file name");
    Map<List<String>, double[]> got = byKey(t, List.of("model_name", "response_language", "cntry_an"), "metric_value");
    Map<List<String>, double[]> expected = new LinkedHashMap<>();
    // English prompts against countries outside the English-speaking list only (never US or GB)
    expected.put(List.of("M", "English", "NG"), new double[] {1 - (0.3 + 0.6) / 2}); // |.3-.6|, |.6-0|
    expected.put(List.of("M", "English", "DK"), new double[] {1 - (0.5 + 0.3) / 2}); // |.3-.8|, |.6-.9|
    // native prompts answered natively against the countries of that language
    expected.put(List.of("M", "Native", "DK"), new double[] {1 - (0.1 + 0.0) / 2}); // |.7-.8|, |.9-.9|
    assertSameValues(expected, got, "monocultural");
  }

  @Test
  void englishLanguageAlignmentByHand() {
    Map<List<String>, double[]> got = byKey(run("english_language_alignment", handMade(), Metric.MEAN_ALIGNMENT),
        List.of("model_name", "cntry_an"), "metric_value");
    Map<List<String>, double[]> expected = new LinkedHashMap<>();
    // English prompts (whatever the response language) against English-language ground truth
    expected.put(List.of("M", "US"), new double[] {1 - (0.1 + 0.1) / 2});
    expected.put(List.of("M", "GB"), new double[] {1 - (0.1 + 0.6) / 2});
    expected.put(List.of("M", "NG"), new double[] {1 - (0.3 + 0.6) / 2});
    assertSameValues(expected, got, "english");
  }

  @Test
  void crossLinguisticTransferByHand() {
    Table t = run("cross_linguistic_cultural_transfer", handMade(), Metric.MEAN_ALIGNMENT);
    assertEquals(List.of("model_name", "cntry_an", "language_x", "Native Alignment", "language_y", "US Alignment", "round"), t.columnNames());
    Map<List<String>, double[]> got = byKey(t, List.of("model_name", "cntry_an", "language_x", "language_y"), "Native Alignment", "US Alignment");
    Map<List<String>, double[]> expected = new LinkedHashMap<>();
    // natively answered prompts: against their own countries' truth and against the US truth
    expected.put(List.of("M", "DK", "da", "da"), new double[] {1 - (0.1 + 0) / 2, 1 - (0.5 + 0.4) / 2});
    expected.put(List.of("M", "GB", "en", "en"), new double[] {1 - (0.1 + 0.6) / 2, 1 - (0.1 + 0.1) / 2});
    expected.put(List.of("M", "NG", "en", "en"), new double[] {1 - (0.3 + 0.6) / 2, 1 - (0.1 + 0.1) / 2});
    assertSameValues(expected, got, "cross-linguistic");
  }

  @Test
  void absoluteAndRelativePerformanceByHand() {
    AnalysisInputs h = handMade();
    // a uniform baseline answering q1 with .5 and q2 with .5 in English and Danish
    Table withBase = h.responses().copy().append(responses(new String[][] {{Paper.BASELINE_UNIFORM, "en", "en", "q1"},
        {Paper.BASELINE_UNIFORM, "en", "en", "q2"}, {Paper.BASELINE_UNIFORM, "da", "da", "q1"}, {Paper.BASELINE_UNIFORM, "da", "da", "q2"}},
        new double[] {0.5, 0.5, 0.5, 0.5}));
    AnalysisInputs in = inputs(withBase, h.groundTruthAllCountries());
    List<String> keys = List.of("model_name", "response_language", "cntry_an");
    Map<List<String>, double[]> abs = byKey(run("extreme_absolute_performance", in, Metric.MEAN_ALIGNMENT), keys, "metric_value");
    // prompts joined on language: grouped by response language, so the Danish prompt answered in English is a group of its own
    assertArrayEquals(new double[] {1 - (0.1 + 0) / 2}, abs.get(List.of("M", "da", "DK")), TOL);
    assertArrayEquals(new double[] {1 - 0.8}, abs.get(List.of("M", "en", "DK")), TOL);
    assertArrayEquals(new double[] {1 - (0.1 + 0.1) / 2}, abs.get(List.of("M", "en", "US")), TOL);
    assertArrayEquals(new double[] {1 - (0.3 + 0.4) / 2}, abs.get(List.of(Paper.BASELINE_UNIFORM, "da", "DK")), TOL);
    assertEquals(9, abs.size(), abs.keySet().toString()); // M: da/DK, en/DK, en/US, en/GB, en/NG; baseline: da/DK, en/US, en/GB, en/NG
    Map<List<String>, double[]> rel = byKey(run("extreme_relative_performance", in, Metric.MEAN_ALIGNMENT), keys, "metric_value");
    assertArrayEquals(new double[] {(1 - 0.05) - (1 - 0.35)}, rel.get(List.of("M", "da", "DK")), TOL);
    assertArrayEquals(new double[] {(1 - 0.1) - (1 - 0.15)}, rel.get(List.of("M", "en", "US")), TOL);
    assertTrue(Double.isNaN(rel.get(List.of("M", "en", "DK"))[0]), "no baseline row for English answers against DK: NaN (left join)");
    assertFalse(rel.keySet().stream().anyMatch(k -> k.get(0).equals(Paper.BASELINE_UNIFORM)), "the baseline is subtracted, not listed");
    Map<List<String>, double[]> all = byKey(run("extreme_relative_all_combinations", in, Metric.MEAN_ALIGNMENT), keys, "metric_value");
    // all combinations: every answer in English (also to the Danish prompt) against DK's truth, and the baseline has that group too
    assertArrayEquals(new double[] {(1 - (0.5 + 0.3 + 0.8) / 3) - (1 - (0.3 + 0.4) / 2)}, all.get(List.of("M", "en", "DK")), TOL);
  }

  // ---- against the port, generated data ----------------------------------------------------

  static final String[][] COUNTRIES = {{"US", "en"}, {"GB", "en"}, {"KE", "en"}, {"NG", "en"}, {"ZW", "en"}, {"DK", "da"},
      {"NL", "nl"}, {"BR", "pt"}, {"PT", "pt"}};
  static final double[] LEVELS = {0, 0.1, 0.25, 0.5, 0.6, 0.75, 1.0};

  /** Ground truth with some (country, question) cells missing; responses with ties, crossed languages and unknown questions. */
  static AnalysisInputs generated(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String[]> g = new ArrayList<>();
    List<Double> gs = new ArrayList<>();
    for (String[] c : COUNTRIES)
      for (int q = 0; q < 12; q++)
        if (rng.nextInt(8) > 0) { g.add(new String[] {c[0], "q" + q, c[1]}); gs.add(Math.round(rng.nextDouble() * 1000) / 1000.0); }
    List<String[]> r = new ArrayList<>();
    List<Double> rs = new ArrayList<>();
    String[] langs = {"en", "da", "nl", "pt"};
    for (String model : List.of("model-b", "model-a"))
      for (String lang : langs)
        for (int q = 0; q < 13; q++) // q12 has no ground truth
          for (int k = 0, n = 1 + rng.nextInt(4); k < n; k++) {
            String answered = rng.nextInt(6) == 0 ? langs[rng.nextInt(4)] : lang;
            r.add(new String[] {model, lang, answered, "q" + q});
            rs.add(LEVELS[rng.nextInt(LEVELS.length)]);
          }
    Table responses = responses(r.toArray(String[][]::new), rs.stream().mapToDouble(Double::doubleValue).toArray());
    responses = Baselines.withBaselines(responses, AnalysisSettings.paper(), seed);
    return inputs(responses, groundTruth(g.toArray(String[][]::new), gs.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  @ParameterizedTest
  @EnumSource(Metric.class)
  void everyAnalysisEqualsThePapersFunctionsOnGeneratedData(Metric metric) {
    for (long seed = 1; seed <= 3; seed++) assertAllEqualThePort(generated(seed), metric, "seed " + seed);
  }

  @Test
  void everyAnalysisEqualsThePapersFunctionsOnThePapersData() {
    AnalysisInputs in = TestData.inputs();
    Table responses = Baselines.withBaselines(in.responses(), AnalysisSettings.paper(), 3);
    assertAllEqualThePort(inputs(responses, in.groundTruthAllCountries()), Metric.SPEARMAN, "paper data");
  }

  static void assertAllEqualThePort(AnalysisInputs in, Metric m, String what) {
    Frame results = PaperHypothesesPort.results(in.responses()), gt = PaperHypothesesPort.groundTruth(in.groundTruthAllCountries());
    List<String> mlc = PaperHypothesesPort.MODEL_LANG_COUNTRY;
    List<String> mc = List.of("model_name", "cntry_an"), mcl = List.of("model_name", "cntry_an", "language_x");
    assertSameValues(wrap(PaperHypothesesPort.englishLanguageAlignment(results, gt, m)),
        byKey(sortedByKeys(run("english_language_alignment", in, m), mc), mc, "metric_value"), what + " english " + m);
    assertSameValues(PaperHypothesesPort.crossLinguisticTransfer(results, gt, m),
        byKey(sortedByKeys(run("cross_linguistic_cultural_transfer", in, m), mcl), List.of("model_name", "cntry_an", "language_x", "language_y"),
            "Native Alignment", "US Alignment"), what + " cross-linguistic " + m);
    assertSameValues(wrap(PaperHypothesesPort.monoculturalAlignment(results, gt, m)),
        byKey(sortedByKeys(run("monocultural_alignment", in, m), mlc), mlc, "metric_value"), what + " monocultural " + m);
    assertSameValues(wrap(PaperHypothesesPort.absolutePerformance(results, gt, m)),
        byKey(sortedByKeys(run("extreme_absolute_performance", in, m), mlc), mlc, "metric_value"), what + " absolute " + m);
    assertSameValues(wrap(PaperHypothesesPort.relativePerformance(results, gt, m)),
        byKey(sortedByKeys(run("extreme_relative_performance", in, m), mlc), mlc, "metric_value"), what + " relative " + m);
    assertSameValues(wrap(PaperHypothesesPort.relativeAllCombinations(results, gt, m)),
        byKey(sortedByKeys(run("extreme_relative_all_combinations", in, m), mlc), mlc, "metric_value"), what + " all combinations " + m);
  }
}
