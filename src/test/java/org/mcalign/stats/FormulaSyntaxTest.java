package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** patsy's everyday syntax: factor names, values and the errors for what is not supported. */
class FormulaSyntaxTest {
  /** patsy's own examples of its re-spacing (patsy/tokens.py, test_pretty_untokenize_and_normalize_token_spacing). */
  @Test
  void factorNamesArePatsysRespacedCode() {
    String[][] cases = {{"1 + 1", "1 + 1"}, {"1+1", "1 + 1"}, {"1*(2+3**2)", "1 * (2 + 3 ** 2)"}, {"a and b", "a and b"},
        {"foo ( * args )", "foo(*args)"}, {"foo ( a * args )", "foo(a * args)"}, {"foo ( ** args )", "foo(**args)"},
        {"foo (1, * args )", "foo(1, *args)"}, {"a=foo(b = 1)", "a = foo(b=1)"}, {"foo(+ 10, bar = - 1)", "foo(+10, bar=-1)"},
        {"1 + +10 + -1 - 5", "1 + +10 + -1 - 5"}, {"'a' \"b\" 'c'", "'a' \"b\" 'c'"}};
    for (String[] c : cases) assertEquals(c[1], PythonExpr.prettyUntokenize(PythonExpr.tokenize(c[0], c[0])), c[0]);
  }

  static Table data() {
    return Table.create("d", DoubleColumn.create("y", 1, 2, 3, 4, 5, Double.NaN),
        DoubleColumn.create("x", 1.5, 2.5, -1, 4.5, 3, 2), StringColumn.create("a", "p", "q", "r", "p", "q", "r"),
        LongColumn.create("n", 1, 2, 3, 2, 1, 3), DoubleColumn.create("odd name", 1, 0, 1, 0, 1, 0));
  }

  static List<String> names(String formula) {
    return DesignMatrix.build(formula, data()).names();
  }

  @Test
  void categoricalContrasts() {
    assertEquals(List.of("Intercept", "C(a)[T.q]", "C(a)[T.r]"), names("y ~ C(a)"));
    assertEquals(List.of("Intercept", "C(a, Treatment('q'))[T.p]", "C(a, Treatment('q'))[T.r]"), names("y ~ C(a,Treatment('q'))"));
    assertEquals(List.of("Intercept", "C(a, Treatment(reference=\"r\"))[T.p]", "C(a, Treatment(reference=\"r\"))[T.q]"),
        names("y ~ C(a, Treatment(reference=\"r\"))"));
    assertEquals(List.of("Intercept", "C(a, Sum)[S.p]", "C(a, Sum)[S.q]"), names("y ~ C(a, Sum)"));
    assertEquals(List.of("C(a, Sum)[mean]", "C(a, Sum)[S.p]", "C(a, Sum)[S.q]"), names("y ~ 0 + C(a, Sum)"));
    // numbers as categories: sorted by value, named as Python prints them; an int reference
    assertEquals(List.of("Intercept", "C(n)[T.2]", "C(n)[T.3]"), names("y ~ C(n)"));
    assertEquals(List.of("Intercept", "C(n, Treatment(reference=2))[T.1]", "C(n, Treatment(reference=2))[T.3]"),
        names("y ~ C(n, Treatment(reference=2))"));
    assertEquals(List.of("Intercept", "C(x)[T.1.5]", "C(x)[T.2.0]", "C(x)[T.2.5]", "C(x)[T.3.0]", "C(x)[T.4.5]"),
        names("y ~ C(x)"), "levels sorted by value, the reference -1.0 first");
    DesignMatrix sum = DesignMatrix.build("y ~ C(a, Sum)", data());
    assertArrayEquals(new double[] {1, 0, -1, 1, 0}, sum.column(1), "deviation coding: the last level is -1");
  }

  @Test
  void numericTransforms() {
    assertEquals(List.of("Intercept", "I(x ** 2)", "np.log(x)", "Q('odd name')"), names("y ~ I(x**2) + np.log(x) + Q('odd name')"));
    DesignMatrix d = DesignMatrix.build("y ~ np.log(x)", data());
    // the log of -1 is NaN: that row is dropped, as patsy drops it; y is missing in the last row
    assertArrayEquals(new int[] {0, 1, 3, 4}, d.rows());
    assertArrayEquals(new double[] {Math.log(1.5), Math.log(2.5), Math.log(4.5), Math.log(3)}, d.column(1), 1e-15);
    // center's mean is over every row, the one without y included (patsy's memorize pass)
    DesignMatrix c = DesignMatrix.build("y ~ center(x) + I(n / 2 - x)", data());
    double mean = (1.5 + 2.5 - 1 + 4.5 + 3 + 2) / 6;
    assertArrayEquals(new double[] {1.5 - mean, 2.5 - mean, -1 - mean, 4.5 - mean, 3 - mean}, c.column(1), 1e-15);
    assertArrayEquals(new double[] {0.5 - 1.5, 1 - 2.5, 1.5 + 1, 1 - 4.5, 0.5 - 3}, c.column(2), 1e-15);
    assertEquals(List.of("Intercept", "a[T.q]", "a[T.r]", "x", "a[T.q]:x", "a[T.r]:x"), names("y ~ (a + x)**2"));
    assertEquals(List.of("Intercept", "standardize(x)"), names("y ~ standardize(x)"));
    assertEquals(List.of("np.log(y)"), List.of(Formula.parse("np.log(y) ~ x").response()));
  }

  @Test
  void unsupportedSyntaxIsNamed() {
    String[][] cases = {{"y ~ log(x)", "unsupported function 'log' in 'log(x)'"},
        {"y ~ np.log1p(x)", "unsupported function 'np.log1p'"}, {"y ~ I(x % 2)", "unsupported operator '%' in 'I(x % 2)'"},
        {"y ~ bs(x, df=3)", "unsupported function 'bs'"}, {"y ~ a.b", "unsupported name 'a.b'"},
        {"y ~ x[0]", "indexing"}, {"y ~ C(a, Poly)", "the contrast Poly is not supported"}};
    for (String[] c : cases) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DesignMatrix.build(c[0], data()));
      assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
    }
  }
}
