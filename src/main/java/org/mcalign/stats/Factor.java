package org.mcalign.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A factor of a formula evaluated over every row of a table (before rows with missing values
 * are dropped, as patsy evaluates it): numeric values, or a categorical's level codes with the
 * contrast that turns them into design columns.
 */
sealed interface Factor permits Factor.Numeric, Factor.Categorical {
  /** patsy's name of the factor, e.g. {@code x}, {@code C(a, Sum)}, {@code np.log(x)}. */
  String code();

  /** Whether row {@code i} is missing (patsy drops such rows). */
  boolean missing(int i);

  /** Numeric values; NaN is missing. */
  record Numeric(String code, double[] values) implements Factor {
    @Override
    public boolean missing(int i) {
      return Double.isNaN(values[i]);
    }
  }

  /** Level codes ({@code -1}: missing) into {@code levels} (patsy's level names, in patsy's order). */
  record Categorical(String code, List<String> levels, int[] codes, Contrast contrast) implements Factor {
    @Override
    public boolean missing(int i) {
      return codes[i] < 0;
    }
  }

  /**
   * patsy's contrasts: Treatment (indicators of every level but the reference; all levels when
   * the term needs full rank) and Sum (deviation coding: every level but the last, the last
   * coded −1; with a leading column of ones, "[mean]", when full rank is needed).
   */
  record Contrast(boolean sum, int reference) {
    static final Contrast TREATMENT = new Contrast(false, 0);
    static final Contrast SUM = new Contrast(true, -1);

    /** Column name suffixes, e.g. {@code [T.b]}, {@code [b]}, {@code [S.a]}, {@code [mean]}. */
    List<String> suffixes(List<String> levels, boolean full) {
      List<String> out = new ArrayList<>();
      if (!sum) {
        for (int j = 0; j < levels.size(); j++)
          if (full) out.add("[" + levels.get(j) + "]");
          else if (j != reference) out.add("[T." + levels.get(j) + "]");
      } else {
        if (full) out.add("[mean]");
        for (int j = 0; j < levels.size() - 1; j++) out.add("[S." + levels.get(j) + "]");
      }
      return out;
    }

    /** The coding matrix: row = level, column = design column (in {@link #suffixes} order). */
    double[][] matrix(int levels, boolean full) {
      int cols = suffixes(java.util.Collections.nCopies(levels, ""), full).size();
      double[][] m = new double[levels][cols];
      if (!sum) {
        int c = 0;
        for (int j = 0; j < levels; j++)
          if (full || j != reference) m[j][c++] = 1;
      } else {
        int off = full ? 1 : 0;
        for (int j = 0; j < levels; j++) {
          if (full) m[j][0] = 1;
          for (int c = 0; c < levels - 1; c++) m[j][off + c] = j == c ? 1 : j == levels - 1 ? -1 : 0;
        }
      }
      return m;
    }
  }
}
