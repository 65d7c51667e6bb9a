package org.mcalign.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Linear mixed model with a random intercept per group, as statsmodels'
 * {@code smf.mixedlm(formula, data, groups=...).fit()} (REML by default, ML as an option),
 * but solved to the exact optimum.
 *
 * <p>With V = σ²·(I + γ·ZZ'), the scale σ² and the fixed effects are profiled out, leaving a
 * one-dimensional problem in the variance ratio γ = σ²_u/σ² ≥ 0 ({@link RemlProfile}, by
 * orthogonal factorisation), maximised by {@link Optimum}: a log-spaced grid, Brent's method
 * on log γ, the root of the analytic score, and the boundary γ = 0; {@code converged} says
 * whether the gradient test passes there. A singular fixed-effects design is refused, as
 * statsmodels cannot fit it. Standard errors come from the inverse of statsmodels' analytic
 * Hessian in (β, γ).
 */
public final class MixedLinearModel {
  /** Estimation method. */
  public enum Method {
    REML,
    ML
  }

  private final DesignMatrix design;
  private final String groupsColumn;
  private final String[] groupOfRow;
  private Method method = Method.REML;

  private MixedLinearModel(DesignMatrix design, String groupsColumn, String[] groupOfRow) {
    this.design = design;
    this.groupsColumn = groupsColumn;
    this.groupOfRow = groupOfRow;
  }

  /** The model (REML unless {@link #method} says otherwise); call {@link #fit()}. */
  public static MixedLinearModel of(String formula, Table data, String groups) {
    return of(formula, Columns.of(data), groups);
  }

  /** As {@link #of(String, Table, String)}, over columns without a Tablesaw table. */
  public static MixedLinearModel of(String formula, Columns data, String groups) {
    Formula f = Formula.parse(formula);
    if (f.response() == null) throw new IllegalArgumentException("formula '" + formula + "' has no response (left of '~')");
    if (!data.containsColumn(groups))
      throw new IllegalArgumentException("groups column '" + groups + "' not in table '" + data.name() + "' (columns: "
          + data.columnNames() + ")");
    DesignMatrix d = DesignMatrix.build(f, data, groups);
    Column<?> g = data.column(groups);
    String[] labels = new String[d.nobs()];
    for (int i = 0; i < labels.length; i++) labels[i] = g.getString(d.rows()[i]);
    return new MixedLinearModel(d, groups, labels);
  }

  /** Fits by REML (statsmodels' default). */
  public static MixedLmResults fit(String formula, Table data, String groups) {
    return of(formula, data, groups).fit();
  }

  public MixedLinearModel method(Method m) {
    this.method = m;
    return this;
  }

  public MixedLmResults fit() {
    // groups in statsmodels' order (sorted labels)
    TreeMap<String, List<Integer>> byGroup = new TreeMap<>(DesignMatrix::compareCodePoints);
    for (int i = 0; i < groupOfRow.length; i++) byGroup.computeIfAbsent(groupOfRow[i], k -> new ArrayList<>()).add(i);
    List<String> labels = new ArrayList<>(byGroup.keySet());
    int[][] members = new int[labels.size()][];
    for (int g = 0; g < members.length; g++) members[g] = byGroup.get(labels.get(g)).stream().mapToInt(Integer::intValue).toArray();
    boolean reml = method == Method.REML;
    String where = "mixed model '" + design.formula().text() + "' grouped by '" + groupsColumn + "'";
    if (labels.size() < 2) {
      throw new IllegalArgumentException(where + ": " + (labels.isEmpty() ? "no group" : "one group only ('" + groupsColumn + "' is '"
          + labels.get(0) + "' in every row)") + "; a random intercept per group needs at least 2 groups (its variance cannot be told"
          + " from the residual variance: statsmodels fits it with a group variance equal to the scale and a meaningless standard"
          + " error). Give rows of 2 or more levels of '" + groupsColumn + "', or fit an OLS without the grouping");
    }
    int n = design.nobs(), p = design.ncols();
    if (n - (reml ? p : 0) <= 0) throw new IllegalArgumentException(where + ": not enough rows (" + n + ") for " + p + " fixed effects");
    requireFullRank(where);
    RemlProfile profile = new RemlProfile(design.columns(), design.response(), members);
    Optimum opt = Optimum.find(profile, reml);
    return new MixedLmResults(design, groupsColumn, labels, profile, opt.gamma(), reml, opt.converged());
  }

  /**
   * statsmodels cannot fit a singular fixed-effects design (it stops with "Singular matrix", or
   * returns noise): refuse it, naming the dependent columns, by numpy's rank.
   */
  private void requireFullRank(String where) {
    double[][] x = design.columns();
    int n = design.nobs(), p = x.length;
    LeastSquares ls = LeastSquares.solve(x, design.response(), false);
    if (ls.rank == p) return;
    // column j takes part in a dependency iff (X⁺X)_jj < 1, with X⁺X = (X'X)⁺X'X
    double[][] cov = ls.normalizedCov();
    List<String> dependent = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      double proj = 0;
      for (int t = 0; t < p; t++) proj += cov[j][t] * Householder.dot(x[t], x[j], 0, n);
      if (proj < 1 - 1e-6) dependent.add(design.names().get(j));
    }
    throw new IllegalArgumentException(where + ": the fixed-effects design is singular (rank " + ls.rank + " < " + p
        + " columns; " + String.join(", ", dependent) + (dependent.size() == 1 ? " is a zero column)" : " are linearly dependent)")
        + "; statsmodels stops here ('Singular matrix'). Drop a redundant term.");
  }
}
