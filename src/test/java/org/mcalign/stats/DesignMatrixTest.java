package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DesignMatrixTest {
  /** y, x numeric; a in {b, a, c} (levels a < b < c), g in {Z, z} (levels Z < z), flag boolean. */
  static Table small() {
    return Table.create("small",
        DoubleColumn.create("y", 1, 2, 3, 4, 5, 6),
        DoubleColumn.create("x", 0.5, 1, 1.5, 2, 2.5, 3),
        StringColumn.create("a", "b", "a", "c", "b", "a", "c"),
        StringColumn.create("g", "z", "Z", "z", "Z", "z", "Z"),
        BooleanColumn.create("flag", new boolean[] {true, false, false, true, true, false}));
  }

  static List<String> names(String f) {
    return DesignMatrix.build(f, small()).names();
  }

  /** Each interaction column is the elementwise product of its factors' columns, empty cells and -0.0 included. */
  @Test
  void interactionColumnsAreTheProductsOfTheirFactorsBitForBit() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
    int n = 300;
    String[] a = new String[n], g = new String[n];
    double[] x = new double[n], y = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = "a" + rng.nextInt(6);
      g[i] = "g" + rng.nextInt(5);
      x[i] = i % 7 == 0 ? -0.0 : rng.nextDouble() * 4 - 2; // negative values make -0.0 in other levels' rows
      y[i] = rng.nextDouble();
    }
    a[0] = "only"; // a level that occurs with one g only: the other cells of a:g are empty
    Table t = Table.create("t", StringColumn.create("a", a), StringColumn.create("g", g), DoubleColumn.create("x", x),
        DoubleColumn.create("y", y));
    DesignMatrix d = DesignMatrix.build("y ~ 0 + x:a:g + a:g", t);
    int empty = 0;
    for (int j = 0; j < d.ncols(); j++) {
      String[] parts = d.names().get(j).split(":");
      double[] col = d.column(j);
      boolean allZero = true;
      for (int i = 0; i < n; i++) {
        double expected = 1;
        boolean first = true;
        for (String p : parts) {
          double f = p.equals("x") ? x[i] : (p.startsWith("a[") ? indicator(p, a[i]) : indicator(p, g[i]));
          expected = first ? f : expected * f;
          first = false;
        }
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(col[i]), d.names().get(j) + " row " + i);
        allZero &= Double.doubleToRawLongBits(col[i]) == 0;
      }
      if (allZero) empty++;
    }
    assertTrue(empty > 0, "the design has empty cells");
  }

  /** 1 when {@code name}, e.g. {@code a[a3]} or {@code a[T.a3]}, names the level {@code value}. */
  private static double indicator(String name, String value) {
    String level = name.substring(name.indexOf('[') + 1, name.length() - 1);
    return (level.startsWith("T.") ? level.substring(2) : level).equals(value) ? 1 : 0;
  }

  @Test
  void interceptAndTreatmentCoding() {
    assertEquals(List.of("Intercept", "a[T.b]", "a[T.c]", "x"), names("y ~ x + a"));
    assertEquals(List.of("Intercept", "flag[T.True]"), names("y ~ flag"));
  }

  @Test
  void noInterceptGivesTheFirstCategoricalFullRank() {
    assertEquals(List.of("a[a]", "a[b]", "a[c]", "g[T.z]"), names("y ~ 0 + a + g"));
    assertEquals(List.of("a[a]", "a[b]", "a[c]", "g[T.z]"), names("y ~ a + g - 1"));
    assertEquals(List.of("a[a]", "a[b]", "a[c]", "x"), names("y ~ x + a - 1"));
  }

  @Test
  void starExpandsAndOrdersByDegree() {
    // a*g = a + g + a:g; the interaction's margins exist, so all reduced
    assertEquals(List.of("Intercept", "a[T.b]", "a[T.c]", "g[T.z]", "a[T.b]:g[T.z]", "a[T.c]:g[T.z]"), names("y ~ a*g"));
    // degree sort: a:g written first still comes after a; a's margin is used, g's is not, so
    // a:g expands to g- absorbed into a+:g- (patsy's a[a]:g[T.z] coding)
    assertEquals(List.of("Intercept", "a[T.b]", "a[T.c]", "a[a]:g[T.z]", "a[b]:g[T.z]", "a[c]:g[T.z]"), names("y ~ a:g + a"));
  }

  @Test
  void interactionWithoutMarginsUsesFullRankForTheMissingMargin() {
    // with an intercept, a:g expands to a- + g- + a-:g-; a- is absorbed by a-:g- into a-:g+,
    // g- stays: g[T.z], then a reduced with g full
    assertEquals(List.of("Intercept", "g[T.z]", "a[T.b]:g[Z]", "a[T.c]:g[Z]", "a[T.b]:g[z]", "a[T.c]:g[z]"), names("y ~ a:g"));
    // without intercept: fully full rank, left-most factor fastest
    assertEquals(List.of("a[a]:g[Z]", "a[b]:g[Z]", "a[c]:g[Z]", "a[a]:g[z]", "a[b]:g[z]", "a[c]:g[z]"), names("y ~ 0 + a:g"));
  }

  @Test
  void numericTermsFormTheirOwnBucketsAfterThePurelyCategoricalOnes() {
    // x:a is in bucket {x}, where nothing is used yet, so a is full rank; it comes after g
    assertEquals(List.of("Intercept", "g[T.z]", "x:a[a]", "x:a[b]", "x:a[c]"), names("y ~ x:a + g"));
    assertEquals(List.of("Intercept", "a[T.b]", "a[T.c]", "x", "x:a[T.b]", "x:a[T.c]"), names("y ~ x*a"));
    assertEquals(List.of("a[a]", "a[b]", "a[c]", "x", "x:a[T.b]", "x:a[T.c]"), names("y ~ 0 + x*a"));
  }

  @Test
  void booleanByCategoricalWithoutMainEffects() {
    // us*m:l with us boolean: see the RQ2 golden; here flag*a:g
    assertEquals(List.of("Intercept", "flag[T.True]", "g[T.z]", "a[T.b]:g[Z]", "a[T.c]:g[Z]", "a[T.b]:g[z]", "a[T.c]:g[z]",
        "flag[T.True]:g[T.z]", "flag[T.True]:a[T.b]:g[Z]", "flag[T.True]:a[T.c]:g[Z]", "flag[T.True]:a[T.b]:g[z]",
        "flag[T.True]:a[T.c]:g[z]"), names("y ~ flag*a:g"));
  }

  @Test
  void designValuesAreIndicatorsAndProducts() {
    DesignMatrix d = DesignMatrix.build("y ~ x:a + flag", small());
    // columns: Intercept, flag[T.True], x:a[a], x:a[b], x:a[c]
    assertEquals(List.of("Intercept", "flag[T.True]", "x:a[a]", "x:a[b]", "x:a[c]"), d.names());
    assertArrayEquals(new double[] {1, 0, 0, 1, 1, 0}, d.column(1));
    assertArrayEquals(new double[] {0, 1, 0, 0, 2.5, 0}, d.column(2));
    assertArrayEquals(new double[] {0.5, 0, 0, 2, 0, 0}, d.column(3));
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.response());
  }

  @Test
  void missingRowsAreDropped() {
    Table t = small();
    ((DoubleColumn) t.column("x")).setMissing(2);
    DesignMatrix d = DesignMatrix.build(Formula.parse("y ~ x"), t);
    assertArrayEquals(new int[] {0, 1, 3, 4, 5}, d.rows());
    assertEquals(5, d.nobs());
  }

  @Test
  void pythonCodePointLevelOrder() {
    // uppercase before lowercase, as Python sorts
    assertEquals(List.of("OLMo", "gemma", "gpt"), DesignMatrix.levelsOf(StringColumn.create("m", "gpt", "gemma", "OLMo")));
    assertTrue(DesignMatrix.compareCodePoints("\uD83D\uDE00", "\uFFFD") > 0, "astral code point sorts after U+FFFD");
  }

  @Test
  void clearErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> names("y ~ nope"));
    assertTrue(e.getMessage().contains("no column 'nope'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ a + "));
    assertTrue(e.getMessage().contains("at character 9"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ log(x)"));
    assertTrue(e.getMessage().contains("unsupported function 'log' in 'log(x)'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ (a + b"));
    assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ 1:a"));
    e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ x + 2"));
    assertTrue(e.getMessage().contains("'2'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ (a + b)**-1"));
    assertTrue(e.getMessage().contains("'**' on terms needs a positive whole number"), e.getMessage());
  }

  @Test
  void formulaAlgebra() {
    assertEquals("[Intercept, a, b, a:b]", Formula.parse("y ~ a*b").terms().toString());
    assertEquals("[Intercept, a, a:b]", Formula.parse("y ~ a/b").terms().toString());
    assertEquals("[Intercept, a, b]", Formula.parse("y ~ a*b - a:b").terms().toString());
    assertEquals("[a, b:c]", Formula.parse("y ~ 0 + a + b:c").terms().toString());
    assertEquals("[Intercept, a]", Formula.parse("y ~ 0 + a + 1").terms().toString());
    assertEquals("[a, b]", Formula.parse("y ~ -1 + a + b").terms().toString());
    assertEquals("[Intercept, a, b, a:b, c, a:c, b:c, a:b:c]", Formula.parse("y ~ a*b*c").terms().toString());
    assertEquals("[Intercept, a:c, b:c]", Formula.parse("y ~ (a + b):c").terms().toString());
    assertEquals("[Intercept, a:b]", Formula.parse("y ~ a:b + b:a").terms().toString());
    assertEquals("y", Formula.parse("y ~ a").response());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rq1_mixedlm_normal.json", "rq1_mixedlm_no_consistency.json", "rq1_mixedlm_interaction.json",
      "rq1_ols_adjusted.json", "rq2_ols_us_bias.json"})
  void namesAndOrderEqualStatsmodels(String golden) throws Exception {
    Goldens.assume();
    JsonNode g = Goldens.json(golden);
    List<String> expected = Goldens.keys(g.get("params"));
    expected.remove("model_name Var");
    assertEquals(expected, DesignMatrix.build(g.get("formula").asText(), Goldens.input(Goldens.inputOf(golden))).names());
  }
}
