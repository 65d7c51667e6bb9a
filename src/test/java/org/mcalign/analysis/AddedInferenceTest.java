package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.analysis.demo.DemoData;
import org.mcalign.analysis.demo.DemoSettings;
import org.mcalign.stats.Ols;
import org.mcalign.stats.OlsResults;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Our added inference on cases with a known answer: the estimator bootstrap's summary
 * (percentile intervals, standard errors, agreement with the paper) on exact inputs and on
 * generated data with planted effects, and the language-breakdown coefficients on data
 * generated from known coefficients.
 */
class AddedInferenceTest {

  /** A fit whose parameters are exactly Intercept 1, x 2 (y = 1 + 2x without noise, statsmodels' naming). */
  static OlsResults exactFit() {
    double[] x = {0, 1, 2, 3, 4, 5}, y = new double[x.length];
    for (int i = 0; i < x.length; i++) y[i] = 1 + 2 * x[i];
    return Ols.fit("y ~ x", Table.create("exact", DoubleColumn.create("x", x), DoubleColumn.create("y", y)));
  }

  static PaperTable paper(double xCoef, double xP, double interceptP) {
    Map<String, double[]> rows = new LinkedHashMap<>();
    rows.put("Intercept", new double[] {1, 0.1, 10, interceptP, 0.8, 1.2});
    rows.put("x", new double[] {xCoef, 0.1, 20, xP, 1.8, 2.2});
    rows.put("not_in_our_fit", new double[] {1, 1, 1, 0.01, 0, 2});
    return new PaperTable("paper.txt", rows);
  }

  @Test
  void summaryOfKnownBootstrapValues() {
    OlsResults point = exactFit();
    assertEquals(2.0, point.params().get("x"), 1e-12);
    // x: bootstrap values 0, 1, …, 100 (numpy: 2.5th percentile 2.5, median 50, 97.5th 97.5; sample sd √858.5);
    // Intercept: −50 … 50, symmetric around 0; a failed fit (NaN) and a missing term are left out
    List<Map<String, Double>> boots = new ArrayList<>();
    for (int i = 0; i <= 100; i++) boots.add(Map.of("x", (double) i, "Intercept", i - 50.0));
    boots.add(Map.of("x", Double.NaN));
    Table t = EstimatorBootstrap.summarise("known", point, boots, paper(2, 0.001, 0.5), 3);
    assertEquals(List.of("Intercept", "x"), t.stringColumn("term").asList(), "the paper's terms our fit has, in the paper's order");
    int x = 1, c = 0;
    assertEquals(2.0, t.doubleColumn("one_pass_estimate").getDouble(x), 1e-12);
    assertEquals(50, t.doubleColumn("bootstrap_median").getDouble(x), 1e-12);
    assertEquals(2.5, t.doubleColumn("ci_lower").getDouble(x), 1e-12);
    assertEquals(97.5, t.doubleColumn("ci_upper").getDouble(x), 1e-12);
    assertEquals(Math.sqrt(101 * 102 / 12.0), t.doubleColumn("bootstrap_se").getDouble(x), 1e-9);
    assertEquals(101, t.intColumn("fits").getInt(x));
    assertEquals(3, t.intColumn("failed_fits").getInt(x));
    assertEquals(point.bse().get("x"), t.doubleColumn("one_pass_model_se").getDouble(x), 0);
    assertTrue(t.booleanColumn("ci_excludes_zero").get(x));
    assertTrue(t.booleanColumn("agrees_with_paper").get(x), "both significant, same sign");
    assertEquals(-47.5, t.doubleColumn("ci_lower").getDouble(c), 1e-12);
    assertEquals(47.5, t.doubleColumn("ci_upper").getDouble(c), 1e-12);
    assertFalse(t.booleanColumn("ci_excludes_zero").get(c));
    assertTrue(t.booleanColumn("agrees_with_paper").get(c), "neither significant");
    // disagreements: the paper significant where our interval holds 0, or of the other sign
    Table d = EstimatorBootstrap.summarise("known", point, boots, paper(-2, 0.001, 0.01), 0);
    assertFalse(d.booleanColumn("agrees_with_paper").get(x), "opposite sign");
    assertFalse(d.booleanColumn("agrees_with_paper").get(c), "paper significant, our interval holds 0");
    assertEquals(0.01, d.doubleColumn("paper_p").getDouble(c), 0);
  }

  @Test
  void identicalBootstrapFitsGiveADegenerateInterval() {
    List<Map<String, Double>> boots = new ArrayList<>();
    for (int i = 0; i < 50; i++) boots.add(Map.of("x", 2.0, "Intercept", 0.0));
    Table t = EstimatorBootstrap.summarise("degenerate", exactFit(), boots, paper(2, 0.001, 0.5), 0);
    assertEquals(2.0, t.doubleColumn("bootstrap_median").getDouble(1), 0);
    assertEquals(2.0, t.doubleColumn("ci_lower").getDouble(1), 0);
    assertEquals(2.0, t.doubleColumn("ci_upper").getDouble(1), 0);
    assertEquals(0.0, t.doubleColumn("bootstrap_se").getDouble(1), 0);
    assertFalse(t.booleanColumn("ci_excludes_zero").get(0), "an interval [0, 0] does not exclude 0");
  }

  /**
   * The small DEMO plants a US-centric model (gpt-4o), a native one (gemma-2-27b-it) and one
   * answering at random (OLMo-2-1124-7B-Instruct). The point estimate must be the OLS fit on
   * the one-pass alignments, every one of the {@link ReplicationReport#ESTIMATOR_ROUNDS} fits
   * must count, each interval must hold its point estimate, and in every language the
   * US-centric model's US-bias term (against the uniform baseline) must exceed the native
   * model's, in the point estimate and in the bootstrap median. (With 24 items one term's
   * interval is about ±0.4 wide, too wide to call its sign on its own.)
   */
  @Test
  void estimatorBootstrapOnPlantedUsBias(@TempDir Path dir) {
    DemoData.Built b = DemoData.build(dir, DemoSettings.small(), DemoData.Backends.IN_PROCESS, m -> {});
    AnalysisInputs in = AnalysisInputs.of(b.dataset());
    AnalysisSettings s = AnalysisSettings.paper();
    long seed = 21;
    Table responses = Baselines.withBaselines(in.responses(), s, PaperAnalysis.partSeed(seed, "baselines"));
    OlsResults onePass = UsCentricBias.fit(UsCentricBias.usData(TotalGroundTruthAlignment.run(in, responses, Metric.SPEARMAN, 0, seed, s).table(), in));
    PaperTable terms = PaperTable.notPublished("DEMO", new ArrayList<>(onePass.params().keySet()));
    Table rq2 = EstimatorBootstrap.run(in, s, seed, terms, terms)[1];
    assertEquals(onePass.params().size(), rq2.rowCount());
    Map<String, double[]> bias = new LinkedHashMap<>(); // term → {one pass, median}
    for (int i = 0; i < rq2.rowCount(); i++) {
      String term = rq2.getString(i, "term");
      double est = rq2.doubleColumn("one_pass_estimate").getDouble(i), lo = rq2.doubleColumn("ci_lower").getDouble(i),
          hi = rq2.doubleColumn("ci_upper").getDouble(i), med = rq2.doubleColumn("bootstrap_median").getDouble(i);
      assertEquals(onePass.params().get(term), est, 1e-12, term);
      assertEquals(onePass.bse().get(term), rq2.doubleColumn("one_pass_model_se").getDouble(i), 1e-12, term);
      assertEquals(ReplicationReport.ESTIMATOR_ROUNDS, rq2.intColumn("fits").getInt(i), term);
      assertTrue(lo <= med && med <= hi && lo < hi, term + ": median " + med + " in [" + lo + ", " + hi + "]");
      assertTrue(lo <= est && est <= hi, term + ": one-pass " + est + " outside [" + lo + ", " + hi + "]");
      bias.put(term, new double[] {est, med});
    }
    for (String lang : org.mcalign.data.Study.paper().languageCodes()) {
      double[] us = bias.get("us[T.True]:model_name[T.gpt-4o]:language[" + lang + "]");
      double[] nat = bias.get("us[T.True]:model_name[T.gemma-2-27b-it]:language[" + lang + "]");
      assertNotNull(us, lang + " " + bias.keySet());
      assertNotNull(nat, lang + " " + bias.keySet());
      assertTrue(us[0] > nat[0] && us[1] > nat[1], lang + ": US-centric " + java.util.Arrays.toString(us) + " vs native " + java.util.Arrays.toString(nat));
    }
  }

  /**
   * Language-breakdown data generated from known coefficients: alignment = b_language ·
   * consistency + c_(group, model, language) (+ noise). Without noise the fit returns the
   * coefficients exactly; with noise each 95 % interval holds its coefficient and the
   * standard errors are those of a cell mean.
   */
  @Test
  void languageBreakdownCoefficientsRecoverPlantedValues() {
    String[][] groups = {{"US", "country", "English"}, {"en", "language", "English"}, {"global", "global", "English"},
        {"DK", "country", "Danish"}, {"da", "language", "Danish"}, {"global", "global", "Danish"}};
    List<String> models = List.of("gpt-4o", "gemma-2-9b-it");
    Map<String, Double> slope = Map.of("English", 0.4, "Danish", -0.3);
    for (double noise : new double[] {0, 0.05}) {
      SplittableRandom rng = new SplittableRandom(3);
      StringColumn m = StringColumn.create("model_name"), g = StringColumn.create("gt_group"), l = StringColumn.create("language"),
          lv = StringColumn.create("level");
      DoubleColumn a = DoubleColumn.create("alignment"), c = DoubleColumn.create("consistency");
      Map<String, Double> planted = new LinkedHashMap<>();
      int perCell = 200;
      for (String model : models)
        for (String[] grp : groups) {
          double coef = Math.round(100 * (rng.nextDouble() - 0.3)) / 100.0;
          planted.put(grp[0] + "|" + model + "|" + grp[2], coef);
          for (int k = 0; k < perCell; k++) {
            double cons = 0.3 + 0.6 * rng.nextDouble();
            m.append(model); g.append(grp[0]); l.append(grp[2]); lv.append(grp[1]); c.append(cons);
            a.append(slope.get(grp[2]) * cons + coef + noise * rng.nextGaussian());
          }
        }
      Table data = Table.create("breakdown", m, g, l, a, c, lv);
      OlsResults fit = LanguageBreakdown.fit(data);
      assertEquals(slope.get("English"), fit.params().get("consistency:language[English]"), noise == 0 ? 1e-9 : 5 * noise / Math.sqrt(200), fit.names().toString());
      Table coef = LanguageBreakdown.coefficients(fit, data);
      assertEquals(planted.size(), coef.rowCount(), "one coefficient per group, model and language");
      for (int i = 0; i < coef.rowCount(); i++) {
        String key = coef.getString(i, "gt_group") + "|" + coef.getString(i, "model_name") + "|" + coef.getString(i, "language");
        double want = planted.get(key), got = coef.doubleColumn("coefficient").getDouble(i);
        double lo = coef.doubleColumn("conf_int_lower").getDouble(i), hi = coef.doubleColumn("conf_int_upper").getDouble(i);
        String level = java.util.Arrays.stream(groups).filter(x -> key.startsWith(x[0] + "|")).findFirst().orElseThrow()[1];
        assertEquals(level, coef.getString(i, "level"), key);
        if (noise == 0) {
          assertEquals(want, got, 1e-9, key);
          assertEquals(0, hi - lo, 1e-6, key + ": no noise, no width");
        } else {
          assertTrue(lo < want && want < hi, key + ": planted " + want + " outside [" + lo + ", " + hi + "]");
          double se = (hi - lo) / (2 * 1.96);
          assertTrue(lo < got && got < hi && Math.abs(got - want) < 4 * se, key + ": estimate " + got + " for planted " + want + " ± " + se);
          // a cell of 200 rows with noise sd 0.05: the intercept's se is about 0.05 · √(1/200 + spread of consistency)
          assertTrue(hi - lo < 2 * 1.96 * noise * 0.25, key + ": interval width " + (hi - lo));
        }
      }
    }
  }
}
