package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class OlsTest {
  @ParameterizedTest
  @ValueSource(strings = {"rq1_ols_adjusted.json", "rq2_ols_us_bias.json"})
  void matchesStatsmodels(String golden) throws Exception {
    Goldens.assume();
    JsonNode g = Goldens.json(golden);
    OlsResults r = Ols.fit(g.get("formula").asText(), Goldens.input(Goldens.inputOf(golden)));
    List<String> names = Goldens.keys(g.get("params"));
    assertEquals(names, r.names());
    assertEquals(g.get("nobs").asInt(), r.nobs());
    GoldenAssert a = new GoldenAssert(1e-6);
    a.perCoefficient(g, "params", names, r.params(), 1e-12);
    a.perCoefficient(g, "bse", names, r.bse(), 0);
    a.perCoefficient(g, "pvalues", names, r.pvalues(), 1e-12);
    Map<String, double[]> ci = r.confInt();
    for (String n : names) {
      a.close("ci_lower[" + n + "]", g.get("ci_lower").get(n).asDouble(), ci.get(n)[0], 1e-12);
      a.close("ci_upper[" + n + "]", g.get("ci_upper").get(n).asDouble(), ci.get(n)[1], 1e-12);
    }
    a.close("scale", g.get("scale").asDouble(), r.scale(), 0);
    a.close("llf", g.get("llf").asDouble(), r.llf(), 0);
    a.close("rsquared", g.get("rsquared").asDouble(), r.rsquared(), 0);
    a.close("rsquared_adj", g.get("rsquared_adj").asDouble(), r.rsquaredAdj(), 0);
    a.close("fvalue", g.get("fvalue").asDouble(), r.fvalue(), 0);
    a.close("aic", g.get("aic").asDouble(), r.aic(), 0);
    a.close("bic", g.get("bic").asDouble(), r.bic(), 0);
    a.close("df_resid", g.get("df_resid").asDouble(), r.dfResid(), 0);
    a.close("df_model", g.get("df_model").asDouble(), r.dfModel(), 0);
    a.done();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rq1_ols_adjusted", "rq2_ols_us_bias"})
  void summaryHasStatsmodelsLayout(String golden) throws Exception {
    Goldens.assume();
    JsonNode g = Goldens.json(golden + ".json");
    OlsResults r = Ols.fit(g.get("formula").asText(), Goldens.input(Goldens.inputOf(golden)));
    List<String> expected = java.nio.file.Files.readAllLines(Goldens.DIR.resolve(golden + ".summary.txt"));
    // the golden's own date and time, read from its header
    String date = expected.get(5).substring(6, 37).strip(), time = expected.get(6).substring(6, 37).strip();
    ZonedDateTime when = ZonedDateTime.of(java.time.LocalDate.parse(date,
        java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy", java.util.Locale.ENGLISH)),
        java.time.LocalTime.parse(time), ZoneOffset.UTC);
    assertEquals(String.join("\n", expected).strip(), r.summary(when).strip());
  }

  @Test
  void exactSolutionIsRecovered() {
    // y = 2 + 3x exactly, plus a categorical shift of -1 for group b: y = 2 + 3x - 1[b]
    double[] x = {0, 1, 2, 3, 4, 5, 6, 7};
    String[] grp = {"a", "b", "a", "b", "a", "b", "a", "b"};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) y[i] = 2 + 3 * x[i] - (grp[i].equals("b") ? 1 : 0);
    Table t = Table.create("exact", DoubleColumn.create("y", y), DoubleColumn.create("x", x), StringColumn.create("g", grp));
    OlsResults r = Ols.fit("y ~ x + g", t);
    assertEquals(List.of("Intercept", "g[T.b]", "x"), r.names());
    assertArrayEquals(new double[] {2, -1, 3}, r.paramsArray(), 1e-12);
    assertEquals(1.0, r.rsquared(), 1e-12);
    for (double e : r.residuals()) assertEquals(0, e, 1e-12);
    assertEquals(5, r.dfResid());
    assertEquals(2, r.dfModel());
  }

  @Test
  void smallFitByHand() {
    // x = 1,2,3 ; y = 1,3,2: slope = sxy/sxx = 1/2, intercept = 2 - 0.5*2 = 1;
    // residuals -0.5, 1, -0.5 -> ssr 1.5, scale 1.5/1, se(slope) = sqrt(1.5/2)
    Table t = Table.create("t", DoubleColumn.create("y", 1, 3, 2), DoubleColumn.create("x", 1, 2, 3));
    OlsResults r = Ols.fit("y ~ x", t);
    assertArrayEquals(new double[] {1, 0.5}, r.paramsArray(), 1e-14);
    assertEquals(1.5, r.scale(), 1e-14);
    assertEquals(Math.sqrt(0.75), r.bseArray()[1], 1e-14);
    assertEquals(0.25, r.rsquared(), 1e-14); // 1 - 1.5/2
  }

  @Test
  void rankDeficientDesignGetsMinimumNormSolution() {
    // x2 = 2·x1: pinv splits the effect in the ratio 1:2 (minimum norm), like statsmodels
    double[] x1 = {1, 2, 3, 4}, x2 = {2, 4, 6, 8}, y = {5, 10, 15, 20};
    Table t = Table.create("t", DoubleColumn.create("y", y), DoubleColumn.create("x1", x1), DoubleColumn.create("x2", x2));
    OlsResults r = Ols.fit("y ~ 0 + x1 + x2", t);
    assertEquals(1, r.rank());
    // y = 5 x1 = b1 x1 + b2 (2 x1) with min |b|: b = 5·(1,2)/5 = (1, 2)
    assertArrayEquals(new double[] {1, 2}, r.paramsArray(), 1e-12);
    assertTrue(r.summary().contains("rank deficient"));
  }

  /**
   * Fewer rows than coefficients (e.g. one pass without resampling: one row per model and
   * language): the minimum-norm solution fits exactly and, as in statsmodels, the inference
   * is NaN (no residual degrees of freedom) instead of an error.
   */
  @Test
  void moreCoefficientsThanRowsGetTheMinimumNormExactFit() {
    double[] y = {1, 3, 2}, a = {1, 0, 0}, b = {0, 1, 0}, c = {0, 0, 1}, d = {1, 1, 1};
    Table t = Table.create("t", DoubleColumn.create("y", y), DoubleColumn.create("a", a), DoubleColumn.create("b", b),
        DoubleColumn.create("c", c), DoubleColumn.create("d", d));
    OlsResults r = Ols.fit("y ~ 0 + a + b + c + d", t);
    assertEquals(3, r.rank());
    assertEquals(0, r.dfResid());
    // min |β| subject to β_a + β_d = 1, β_b + β_d = 3, β_c + β_d = 2: β_d = mean(y)·3/4 = 1.5, the others y − β_d
    assertArrayEquals(new double[] {-0.5, 1.5, 0.5, 1.5}, r.paramsArray(), 1e-12);
    assertArrayEquals(y, r.fittedValues(), 1e-12);
    for (double p : r.pvalues().values()) assertTrue(Double.isNaN(p));
    assertTrue(Double.isNaN(r.confIntArray(0.05)[0][0]));
    assertTrue(r.summary().contains("Df Residuals:"));
  }

  @Test
  void jsonHasTheFitSchema() throws Exception {
    Table t = Table.create("t", DoubleColumn.create("y", 1, 3, 2, 5), DoubleColumn.create("x", 1, 2, 3, 4));
    JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Ols.fit("y ~ x", t).toJson());
    for (String f : List.of("params", "bse", "pvalues", "ci_lower", "ci_upper", "nobs", "scale", "llf", "rsquared", "rsquared_adj", "aic", "bic"))
      assertTrue(j.has(f), f);
    assertEquals(List.of("Intercept", "x"), Goldens.keys(j.get("params")));
  }

  @Test
  void htmlEscapesNamesAndShowsEveryCoefficient() {
    Table t = Table.create("t", DoubleColumn.create("y", 1, 3, 2, 5, 4, 6), StringColumn.create("g", "a<b", "c", "a<b", "c", "a<b", "c"));
    String html = Ols.fit("y ~ g", t).toHtml();
    assertTrue(html.contains("<th>Intercept</th>") && html.contains("g[T.c]"), html);
    assertFalse(html.contains("a<b"));
    assertThrows(IllegalArgumentException.class, () -> Ols.fit("y ~ 0", t));
  }

  @Test
  void cFormatG() {
    assertEquals("5448.6", Fmt.g(5448.625548411554, 5));
    assertEquals("12091.", Fmt.g(12090.978088007541, 5));
    assertEquals("-1.082e+04", Fmt.g(-10817.251096823107, 4));
    assertEquals("419.5", Fmt.g(419.5048999898204, 4));
    assertEquals("0.00", Fmt.g(0.0, 3));
    assertEquals("63.4", Fmt.g(63.4, 3));
    assertEquals("1.00e-05", Fmt.g(0.00001, 3));
  }
}
