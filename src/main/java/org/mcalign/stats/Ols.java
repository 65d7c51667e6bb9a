package org.mcalign.stats;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Ordinary least squares with a patsy formula, as {@code statsmodels.formula.api.ols(formula,
 * data).fit()} (non-robust covariance, pseudo-inverse solution).
 */
public final class Ols {
  private Ols() {}

  public static OlsResults fit(String formula, Table data) {
    return fit(DesignMatrix.build(Formula.parse(formula), data));
  }

  /** As {@link #fit(String, Table)}, over columns without a Tablesaw table. */
  public static OlsResults fit(String formula, Columns data) {
    return fit(DesignMatrix.build(Formula.parse(formula), data));
  }

  public static OlsResults fit(DesignMatrix design) {
    if (design.response() == null)
      throw new IllegalArgumentException("formula '" + design.formula().text() + "' has no response (left of '~')");
    return fit(design.names(), design.columns(), design.response(), design.formula().text(), design.formula().response());
  }

  /** Fits y on the given columns (column-major), named as given. */
  public static OlsResults fit(List<String> names, double[][] columns, double[] y, String formula, String response) {
    if (names.size() != columns.length) throw new IllegalArgumentException(names.size() + " names for " + columns.length + " columns");
    for (int j = 0; j < columns.length; j++) {
      double[] c = columns[j];
      if (c.length != y.length) throw new IllegalArgumentException("column length " + c.length + " != response length " + y.length);
      int i = firstNonFinite(c);
      if (i >= 0)
        throw new IllegalArgumentException("formula '" + formula + "': column '" + names.get(j) + "' is " + c[i] + " in row "
            + (i + 1) + " (statsmodels: 'exog contains inf or nans')");
    }
    int i = firstNonFinite(y);
    if (i >= 0)
      throw new IllegalArgumentException("formula '" + formula + "': the response '" + response + "' is " + y[i] + " in row " + (i + 1));
    boolean explicitConstant = hasExplicitConstant(columns);
    LeastSquares ls = LeastSquares.solve(columns, y, !explicitConstant);
    return new OlsResults(names, columns, y, ls, formula, response, explicitConstant);
  }

  /**
   * statsmodels' constant detection: a column with zero range and non-zero mean is a constant
   * (k_constant = 1); otherwise an implicit constant is checked from the ranks.
   */
  private static boolean hasExplicitConstant(double[][] columns) {
    for (double[] c : columns) if (c.length > 0 && c[0] != 0 && isConstant(c)) return true;
    return false;
  }

  private static boolean isConstant(double[] c) {
    for (double v : c) if (v != c[0]) return false;
    return true;
  }

  /** The first row that is NaN or infinite, or −1. */
  private static int firstNonFinite(double[] c) {
    for (int i = 0; i < c.length; i++) if (!Double.isFinite(c[i])) return i;
    return -1;
  }
}
