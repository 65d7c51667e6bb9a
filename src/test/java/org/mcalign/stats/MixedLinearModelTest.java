package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MixedLinearModelTest {
  @ParameterizedTest
  @ValueSource(strings = {"rq1_mixedlm_normal.json", "rq1_mixedlm_no_consistency.json", "rq1_mixedlm_interaction.json"})
  void matchesStatsmodelsAtTheRemlOptimum(String golden) throws Exception {
    Goldens.assume();
    JsonNode g = Goldens.json(golden);
    MixedLmResults r = MixedLinearModel.fit(g.get("formula").asText(), Goldens.input(Goldens.inputOf(golden)), g.get("groups").asText());
    List<String> names = Goldens.keys(g.get("params"));
    assertEquals(names, r.names());
    assertEquals(g.get("nobs").asInt(), r.nobs());
    GoldenAssert a = new GoldenAssert(1e-4);
    a.perCoefficient(g, "params", names, r.params(), 1e-10);
    a.perCoefficient(g, "bse", names, r.bse(), 0);
    a.perCoefficient(g, "pvalues", names, r.pvalues(), 1e-10);
    Map<String, double[]> ci = r.confInt();
    for (String n : names) {
      // an interval end is param ± 1.96·bse: near zero it is judged relative to its parts
      double floor = 1e-4 * (Math.abs(r.params().get(n)) + 2 * r.bse().get(n));
      a.close("ci_lower[" + n + "]", g.get("ci_lower").get(n).asDouble(), ci.get(n)[0], floor);
      a.close("ci_upper[" + n + "]", g.get("ci_upper").get(n).asDouble(), ci.get(n)[1], floor);
    }
    a.close("scale", g.get("scale").asDouble(), r.scale(), 0);
    a.close("group_var", g.get("group_var").asDouble(), r.groupVar(), 0);
    a.close("llf", g.get("llf").asDouble(), r.llf(), 0);
    a.close("r2_marginal", g.get("r2_marginal").asDouble(), r.r2Marginal(), 0);
    a.close("r2_conditional", g.get("r2_conditional").asDouble(), r.r2Conditional(), 0);
    a.done();
    assertTrue(r.converged());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rq1_mixedlm_normal", "rq1_mixedlm_interaction"})
  void summaryHasStatsmodelsLayout(String golden) throws Exception {
    Goldens.assume();
    JsonNode g = Goldens.json(golden + ".json");
    MixedLmResults r = MixedLinearModel.fit(g.get("formula").asText(), Goldens.input(Goldens.inputOf(golden)), g.get("groups").asText());
    String expected = java.nio.file.Files.readString(Goldens.DIR.resolve(golden + ".summary.txt"));
    assertEquals(expected.strip(), r.summary().strip());
  }

  @org.junit.jupiter.api.Test
  void htmlSummaryShowsTheGroupVarianceAsTheTextDoes() throws Exception {
    Goldens.assume();
    JsonNode g = Goldens.json("rq1_mixedlm_interaction.json");
    MixedLmResults r = MixedLinearModel.fit(g.get("formula").asText(),
        Goldens.input(Goldens.inputOf("rq1_mixedlm_interaction")), g.get("groups").asText());
    String html = r.toHtml();
    String row = html.substring(html.indexOf("<th>model_name Var</th>"));
    row = row.substring(0, row.indexOf("</tr>"));
    // statsmodels prints the variance on the data's scale (0.043), not the ratio to the scale, and no z test
    assertTrue(row.contains("<td>" + String.format(java.util.Locale.ROOT, "%.3f", g.get("group_var").asDouble()) + "</td>"), row);
    assertTrue(row.endsWith("<td></td><td></td><td></td><td></td>"), row);
  }

  /** Balanced one-way layout: G groups of m rows, y = group effect + noise. */
  private static tech.tablesaw.api.Table balanced(int groups, int m, double effectSd, long seed) {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    double[] y = new double[groups * m];
    String[] g = new String[groups * m];
    for (int k = 0; k < groups; k++) {
      double u = effectSd * rng.nextGaussian();
      for (int i = 0; i < m; i++) {
        y[k * m + i] = 1 + u + rng.nextGaussian();
        g[k * m + i] = "g" + k;
      }
    }
    return tech.tablesaw.api.Table.create("balanced", tech.tablesaw.api.DoubleColumn.create("y", y),
        tech.tablesaw.api.StringColumn.create("grp", g));
  }

  /** ANOVA sums: {grand mean, SSB, SSW}. */
  private static double[] anova(tech.tablesaw.api.Table t, int groups, int m) {
    double[] y = t.doubleColumn("y").asDoubleArray();
    double grand = 0;
    for (double v : y) grand += v;
    grand /= y.length;
    double ssb = 0, ssw = 0;
    for (int k = 0; k < groups; k++) {
      double mean = 0;
      for (int i = 0; i < m; i++) mean += y[k * m + i];
      mean /= m;
      ssb += m * (mean - grand) * (mean - grand);
      for (int i = 0; i < m; i++) ssw += (y[k * m + i] - mean) * (y[k * m + i] - mean);
    }
    return new double[] {grand, ssb, ssw};
  }

  @org.junit.jupiter.api.Test
  void balancedOneWayRemlHasTheAnovaClosedForm() {
    int groups = 7, m = 12;
    tech.tablesaw.api.Table t = balanced(groups, m, 2.0, 3);
    double[] a = anova(t, groups, m);
    double msb = a[1] / (groups - 1), msw = a[2] / (groups * (m - 1));
    MixedLmResults r = MixedLinearModel.fit("y ~ 1", t, "grp");
    assertEquals(List.of("Intercept", "grp Var"), r.names());
    assertEquals(a[0], r.paramsArray()[0], 1e-10);
    assertEquals(msw, r.scale(), 1e-8 * msw);
    assertEquals((msb - msw) / m, r.groupVar(), 1e-8 * r.groupVar());
    // Var(grand mean) = (σ² + mσ²_u)/(G m) = MSB/(G m)
    assertEquals(Math.sqrt(msb / (groups * m)), r.bseArray()[0], 1e-6 * r.bseArray()[0]);
  }

  @org.junit.jupiter.api.Test
  void balancedOneWayMlHasTheAnovaClosedForm() {
    int groups = 7, m = 12;
    tech.tablesaw.api.Table t = balanced(groups, m, 2.0, 4);
    double[] a = anova(t, groups, m);
    double msw = a[2] / (groups * (m - 1));
    MixedLmResults r = MixedLinearModel.of("y ~ 1", t, "grp").method(MixedLinearModel.Method.ML).fit();
    assertFalse(r.reml());
    assertEquals(msw, r.scale(), 1e-8 * msw);
    assertEquals((a[1] / groups - msw) / m, r.groupVar(), 1e-8 * r.groupVar());
    assertTrue(r.summary().contains("Method:") && r.summary().contains(" ML "));
  }

  @org.junit.jupiter.api.Test
  void noBetweenGroupVarianceGivesTheBoundary() {
    int groups = 6, m = 10;
    tech.tablesaw.api.Table t = balanced(groups, m, 0.0, 5);
    double[] a = anova(t, groups, m);
    double msb = a[1] / (groups - 1), msw = a[2] / (groups * (m - 1));
    assertTrue(msb < msw, "the data must have MSB < MSW (no between-group variance), got MSB " + msb + ", MSW " + msw);
    MixedLmResults r = MixedLinearModel.fit("y ~ 1", t, "grp");
    assertEquals(0.0, r.groupVar(), 0);
    // with γ = 0 REML is OLS: scale = SST/(n-1)
    assertEquals((a[1] + a[2]) / (groups * m - 1), r.scale(), 1e-10);
  }

  @org.junit.jupiter.api.Test
  void clearErrors() {
    tech.tablesaw.api.Table t = balanced(3, 4, 1, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MixedLinearModel.fit("y ~ 1", t, "nope"));
    assertTrue(e.getMessage().contains("groups column 'nope'"), e.getMessage());
  }

  /** Groups of rows: y = 1 + x + u_g + e with {@code noise} the sd of e; w = x + {@code gap}·noise. */
  private static tech.tablesaw.api.Table collinear(double gap, double noise, long seed) {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    int groups = 9, per = 40, n = groups * per;
    double[] y = new double[n], x = new double[n], w = new double[n], d = new double[n];
    String[] g = new String[n];
    for (int k = 0; k < groups; k++) {
      double u = 0.8 * rng.nextGaussian();
      for (int i = k * per; i < (k + 1) * per; i++) {
        x[i] = rng.nextGaussian();
        d[i] = gap * rng.nextGaussian();
        w[i] = x[i] + d[i];
        y[i] = 1 + x[i] + u + noise * rng.nextGaussian();
        g[i] = "g" + k;
      }
    }
    return tech.tablesaw.api.Table.create("collinear", tech.tablesaw.api.DoubleColumn.create("y", y),
        tech.tablesaw.api.DoubleColumn.create("x", x), tech.tablesaw.api.DoubleColumn.create("w", w),
        tech.tablesaw.api.DoubleColumn.create("d", d), tech.tablesaw.api.StringColumn.create("g", g));
  }

  /**
   * Nearly collinear fixed effects (w = x + 1e-7·noise, cond(X) ~ 1e7): REML is invariant under
   * a change of basis of the fixed effects, so the fit on (x, w) must equal the well-conditioned
   * fit on (x, d = w − x): the same group variance and scale, β_w = β_d, β_x + β_w = β_x'.
   * (Normal equations lose about cond² · eps here; the old implementation's group variance was 13 % off.)
   */
  @org.junit.jupiter.api.Test
  void nearlyCollinearFixedEffectsStayAccurate() {
    tech.tablesaw.api.Table t = collinear(1e-7, 1, 11);
    MixedLmResults bad = MixedLinearModel.fit("y ~ x + w", t, "g"), good = MixedLinearModel.fit("y ~ x + d", t, "g");
    assertTrue(bad.converged() && good.converged());
    assertEquals(good.groupVar(), bad.groupVar(), 1e-8 * good.groupVar());
    assertEquals(good.scale(), bad.scale(), 1e-8 * good.scale());
    assertEquals(good.llf(), bad.llf(), 1e-9 * Math.abs(good.llf()), "the change of basis has determinant 1");
    assertEquals(good.params().get("d"), bad.params().get("w"), 1e-6 * Math.abs(good.params().get("d")));
    assertEquals(good.params().get("x"), bad.params().get("x") + bad.params().get("w"), 1e-6 * Math.abs(good.bse().get("d")));
    assertEquals(good.bse().get("d"), bad.bse().get("w"), 1e-6 * good.bse().get("d"));
  }

  @org.junit.jupiter.api.Test
  void singularFixedEffectsAreRefusedNamingTheColumns() {
    tech.tablesaw.api.Table t = collinear(0, 1, 12); // w == x exactly
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MixedLinearModel.fit("y ~ x + w + d", t, "g"));
    assertTrue(e.getMessage().contains("singular (rank 2 < 4 columns; x, w, d are linearly dependent)") , e.getMessage());
  }

  /** Degenerate data never throw out of the optimiser. */
  @org.junit.jupiter.api.Test
  void degenerateDataDoNotThrow() {
    tech.tablesaw.api.Table exact = collinear(1, 0, 13); // y = 1 + x + u_g exactly: no residual variance at all
    MixedLmResults r = MixedLinearModel.fit("y ~ x", exact, "g");
    assertEquals(1.0, r.params().get("x"), 1e-9);
    tech.tablesaw.api.Table huge = collinear(1, 1e-4, 14); // group variance 1e8 times the residual one
    MixedLmResults h = MixedLinearModel.fit("y ~ x", huge, "g");
    assertTrue(h.converged(), "the grid extends to very large variance ratios");
    assertTrue(h.groupVar() / h.scale() > 1e6, Double.toString(h.groupVar() / h.scale()));
    tech.tablesaw.api.Table t = collinear(1, 1, 15);
    // one group: refused with a message (oneGroupIsRefusedNamingTheColumnAndItsLevel), not thrown out of the optimiser
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MixedLinearModel.fit("y ~ x", t.where(t.stringColumn("g").isEqualTo("g0")), "g"));
    assertTrue(e.getMessage().contains("one group only"), e.getMessage());
  }

  /** One model's rows: the RQ1 mixed model has one group, which used to give "model_name Var 0.000 nan" silently. */
  @org.junit.jupiter.api.Test
  void oneGroupIsRefusedNamingTheColumnAndItsLevel() {
    double[] y = {0.1, 0.4, 0.35, 0.8, 0.5, 0.2, 0.9, 0.6};
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
    tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("one-model",
        tech.tablesaw.api.DoubleColumn.create("alignment", y), tech.tablesaw.api.DoubleColumn.create("consistency", x),
        tech.tablesaw.api.StringColumn.create("model_name", java.util.Collections.nCopies(y.length, "gemma-2-27b-it")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MixedLinearModel.fit("alignment ~ consistency", t, "model_name"));
    assertTrue(e.getMessage().contains("one group only ('model_name' is 'gemma-2-27b-it' in every row)"), e.getMessage());
    // two groups of the same rows fit
    tech.tablesaw.api.Table two = t.copy();
    two.replaceColumn("model_name", tech.tablesaw.api.StringColumn.create("model_name",
        List.of("a", "b", "a", "b", "a", "b", "a", "b")));
    MixedLmResults r = MixedLinearModel.fit("alignment ~ consistency", two, "model_name");
    assertEquals(2, r.randomEffects().size());
    assertTrue(Double.isFinite(r.bse().get("consistency")));
  }
}
