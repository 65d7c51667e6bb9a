package org.mcalign.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Linear mixed model with a random intercept per group, as statsmodels'
 * {@code smf.mixedlm(formula, data, groups=...).fit()} (REML by default, ML as an option),
 * but solved to the exact optimum.
 *
 * <p>With V = σ²·(I + γ·ZZ'), the scale σ² and the fixed effects are profiled out, leaving a
 * one-dimensional problem in the variance ratio γ = σ²_u/σ² ≥ 0: the profiled (REML)
 * log-likelihood is maximised on a log-spaced grid, refined with Brent's method on log γ and
 * checked against the boundary γ = 0. Everything per group reduces to sums (each group's
 * H⁻¹ = I − γ/(1+γ·n_g)·11'), so an evaluation costs O(groups·p² + p³).
 * Standard errors come from the inverse of statsmodels' analytic Hessian in (β, γ).
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
    GroupSums sums = new GroupSums(design.columns(), design.response(), members);
    boolean reml = method == Method.REML;
    String where = "mixed model '" + design.formula().text() + "' grouped by '" + groupsColumn + "'";
    if (sums.n - (reml ? sums.p : 0) <= 0) throw new IllegalArgumentException(where + ": not enough rows (" + sums.n + ") for " + sums.p + " fixed effects");
    if (sums.evaluate(1.0, reml) == null)
      throw new IllegalArgumentException(where + ": the fixed-effects design is rank deficient (X'V⁻¹X is singular); drop redundant terms");

    // 1. grid over log γ
    double lo = -20, hi = 12;
    int steps = 64;
    double bestT = Double.NaN, bestV = Double.NEGATIVE_INFINITY;
    double[] grid = new double[steps + 1], vals = new double[steps + 1];
    for (int s = 0; s <= steps; s++) {
      grid[s] = lo + (hi - lo) * s / steps;
      vals[s] = sums.llf(Math.exp(grid[s]), reml);
      if (vals[s] > bestV) {
        bestV = vals[s];
        bestT = grid[s];
      }
    }
    int at = 0;
    for (int s = 0; s <= steps; s++) if (grid[s] == bestT) at = s;
    // 2. Brent on log γ inside the bracket around the best grid point
    double a = grid[Math.max(at - 1, 0)], b = grid[Math.min(at + 1, steps)];
    BrentOptimizer brent = new BrentOptimizer(1e-13, 1e-14);
    UnivariatePointValuePair opt = brent.optimize(new MaxEval(1000), GoalType.MAXIMIZE,
        new UnivariateObjectiveFunction(t -> sums.llf(Math.exp(t), reml)), new SearchInterval(a, b, bestT));
    double gamma = Math.exp(opt.getPoint());
    double best = opt.getValue();
    boolean converged = at > 0 && at < steps;
    // 3. polish: the root of the analytic score (the value alone pins γ only to ~√eps)
    gamma = polish(sums, gamma, reml);
    best = Math.max(best, sums.llf(gamma, reml));
    // boundary: a vanishing group variance
    double atZero = sums.llf(0.0, reml);
    if (atZero >= best) {
      gamma = 0;
      best = atZero;
      converged = true;
    }
    return new MixedLmResults(design, groupsColumn, labels, members, sums, gamma, reml, converged);
  }

  /** Solves score(γ) = 0 near {@code start} with a bracketing root finder; keeps start if none. */
  private static double polish(GroupSums sums, double start, boolean reml) {
    double s0 = sums.score(start, reml);
    if (!Double.isFinite(s0) || s0 == 0) return start;
    double step = 1e-6 * start;
    for (int i = 0; i < 40; i++, step *= 4) {
      double other = s0 > 0 ? start + step : Math.max(start - step, 0);
      double s1 = sums.score(other, reml);
      if (Double.isFinite(s1) && Math.signum(s1) != Math.signum(s0)) {
        double lo = Math.min(start, other), hi = Math.max(start, other);
        double root = new org.apache.commons.math3.analysis.solvers.BrentSolver(1e-15 * start, 1e-16)
            .solve(200, g -> sums.score(g, reml), lo, hi);
        return sums.llf(root, reml) >= sums.llf(start, reml) - 1e-9 ? root : start;
      }
      if (other == 0) break;
    }
    return start;
  }

  /** Per-group sums that make every likelihood evaluation independent of n. */
  static final class GroupSums {
    final int n, p, groups;
    final double[][] x; // column-major design
    final double[] y;
    final int[][] members;
    final double[][][] xtx; // per group X_g'X_g
    final double[][] colSum; // per group X_g'1
    final double[][] xty; // per group X_g'y_g
    final double[] ySum, yy;
    final int[] size;

    GroupSums(double[][] x, double[] y, int[][] members) {
      this.x = x;
      this.y = y;
      this.members = members;
      this.n = y.length;
      this.p = x.length;
      this.groups = members.length;
      xtx = new double[groups][p][p];
      colSum = new double[groups][p];
      xty = new double[groups][p];
      ySum = new double[groups];
      yy = new double[groups];
      size = new int[groups];
      double[] row = new double[p];
      for (int g = 0; g < groups; g++) {
        size[g] = members[g].length;
        double[][] a = xtx[g];
        for (int i : members[g]) {
          for (int j = 0; j < p; j++) row[j] = x[j][i];
          double yi = y[i];
          ySum[g] += yi;
          yy[g] += yi * yi;
          for (int j = 0; j < p; j++) {
            double rj = row[j];
            if (rj == 0) continue;
            colSum[g][j] += rj;
            xty[g][j] += rj * yi;
            double[] aj = a[j];
            for (int k = 0; k <= j; k++) aj[k] += rj * row[k];
          }
        }
        for (int j = 0; j < p; j++) for (int k = 0; k < j; k++) a[k][j] = a[j][k];
      }
    }

    /** γ-dependent quantities: Cholesky of X'H⁻¹X, β, qf = r'H⁻¹r; null if singular. */
    record Eval(double[][] chol, double[] beta, double qf, double logDetH) {}

    Eval evaluate(double gamma, boolean reml) {
      double[][] m = new double[p][p];
      double[] b = new double[p];
      double yHy = 0, logDetH = 0;
      for (int g = 0; g < groups; g++) {
        double c = gamma / (1 + gamma * size[g]);
        logDetH += Math.log1p(gamma * size[g]);
        double[] s = colSum[g];
        for (int j = 0; j < p; j++) {
          b[j] += xty[g][j] - c * s[j] * ySum[g];
          for (int k = 0; k <= j; k++) m[j][k] += xtx[g][j][k] - c * s[j] * s[k];
        }
        yHy += yy[g] - c * ySum[g] * ySum[g];
      }
      for (int j = 0; j < p; j++) for (int k = 0; k < j; k++) m[k][j] = m[j][k];
      double[][] l = Dense.cholesky(m);
      if (l == null) return null;
      double[] beta = Dense.solve(l, b);
      double qf = yHy;
      for (int j = 0; j < p; j++) qf -= b[j] * beta[j];
      return new Eval(l, beta, qf, logDetH);
    }

    /**
     * d llf / dγ of the profiled log-likelihood (statsmodels' score_full for one random
     * intercept): −½Σ 1'H⁻¹1 + ½·fac·Σ(1'H⁻¹r)²/qf [+ ½ tr((X'H⁻¹X)⁻¹ Σ X'H⁻¹1 1'H⁻¹X) for REML].
     */
    double score(double gamma, boolean reml) {
      Eval e = evaluate(gamma, reml);
      if (e == null) return Double.NaN;
      double fac = reml ? n - p : n;
      double sw = 0, srho = 0, trace = 0;
      for (int g = 0; g < groups; g++) {
        double inv1 = 1 / (1 + gamma * size[g]);
        double rs = ySum[g];
        for (int j = 0; j < p; j++) rs -= colSum[g][j] * e.beta[j];
        double rho = rs * inv1;
        sw += size[g] * inv1;
        srho += rho * rho;
        if (reml) {
          double[] q = new double[p];
          for (int j = 0; j < p; j++) q[j] = colSum[g][j] * inv1;
          double[] mq = Dense.solve(e.chol, q);
          for (int j = 0; j < p; j++) trace += q[j] * mq[j];
        }
      }
      return -0.5 * sw + 0.5 * fac * srho / e.qf + 0.5 * trace;
    }

    /** statsmodels' profiled log-likelihood (MixedLM.loglike with profile_fe=True). */
    double llf(double gamma, boolean reml) {
      Eval e = evaluate(gamma, reml);
      if (e == null || !(e.qf > 0)) return Double.NEGATIVE_INFINITY;
      double v = -e.logDetH / 2;
      if (reml) {
        double d = n - p;
        v -= d * Math.log(e.qf) / 2;
        v -= Dense.logDet(e.chol) / 2;
        v -= d * Math.log(2 * Math.PI) / 2;
        v += d * Math.log(d) / 2;
        v -= d / 2;
      } else {
        v -= n * Math.log(e.qf) / 2;
        v -= n * Math.log(2 * Math.PI) / 2;
        v += n * Math.log(n) / 2;
        v -= n / 2.0;
      }
      return v;
    }
  }

  static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.size(); i++) m.put(names.get(i), i);
    return m;
  }
}
