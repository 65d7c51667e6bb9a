package org.mcalign.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of a random-intercept mixed model fit, with statsmodels' definitions. */
public final class MixedLmResults extends FittedRegression {
  private final String groupsColumn;
  private final List<String> groupLabels;
  private final int[] groupSizes;
  private final int kFe;
  private final boolean reml, converged;
  private final double gamma, scale, groupVar, llf;
  private final double[] randomEffects;
  private final double[][] covParams;

  MixedLmResults(DesignMatrix design, String groupsColumn, List<String> labels, RemlProfile profile, double gamma,
      boolean reml, boolean converged) {
    super(namesWithGroupVar(design.names(), groupsColumn), design.formula().text(), design.formula().response(),
        profile.n);
    this.groupsColumn = groupsColumn;
    this.groupLabels = List.copyOf(labels);
    this.reml = reml;
    this.converged = converged;
    this.gamma = gamma;
    this.kFe = profile.p;
    int p = kFe, n = nobs, groups = profile.groups;
    RemlProfile.At e = profile.at(gamma);
    double[] beta = e.beta;
    double[] xb = LeastSquares.multiply(profile.x, beta, n);
    double[] rs = e.groupResidualSums();
    double rvir = e.qf;

    // per-group pieces of statsmodels' Hessian for one random intercept (dV/dγ = 11')
    double[] hessFere = new double[p];
    double[][] xtax = new double[p][p];
    double[][] fMat = new double[p][p];
    double bSum = 0, dSum = 0, hessRe = 0;
    groupSizes = profile.size.clone();
    randomEffects = new double[groups];
    double[] q = new double[p];
    for (int g = 0; g < groups; g++) {
      int ng = groupSizes[g];
      double inv1 = 1 / (1 + gamma * ng); // H⁻¹1 = 1/(1+γn)
      for (int j = 0; j < p; j++) q[j] = ng * profile.mean[g][j] * inv1; // X'H⁻¹1
      double rho = rs[g] * inv1; // 1'H⁻¹r
      double w = ng * inv1; // 1'H⁻¹1
      for (int j = 0; j < p; j++) {
        hessFere[j] += q[j] * rho;
        for (int k = 0; k < p; k++) {
          xtax[j][k] += q[j] * q[k];
          fMat[j][k] += 2 * w * q[j] * q[k];
        }
      }
      bSum += rho * rho;
      dSum += 2 * w * rho * rho;
      hessRe += w * w / 2;
      randomEffects[g] = gamma * rho;
    }
    double fac = reml ? n - p : n;
    double[][] mInv = e.xtHxInverse(); // (X'H⁻¹X)⁻¹ from the QR factor
    double hre = hessRe - 0.5 * fac * (dSum / rvir - bSum * bSum / (rvir * rvir));
    if (reml) {
      double[][] ql = mul(mInv, xtax);
      double a = 0;
      for (int j = 0; j < p; j++) for (int k = 0; k < p; k++) a += ql[k][j] * ql[j][k];
      double[][] xf = mul(mInv, fMat);
      for (int j = 0; j < p; j++) a -= xf[j][j];
      hre += 0.5 * a;
    }
    this.covParams = inverseOfNegativeHessian(mInv, hessFere, hre, fac, rvir);

    this.scale = rvir / fac;
    this.groupVar = gamma * scale;
    this.llf = profile.llf(e, reml);
    System.arraycopy(beta, 0, params, 0, p);
    params[p] = gamma;
    for (int j = 0; j <= p; j++) {
      double v = covParams[j][j];
      bse[j] = v >= 0 ? Math.sqrt(v) : Double.NaN;
      statistics[j] = params[j] / bse[j];
      pvalues[j] = Distributions.normalTwoSided(statistics[j]);
    }
    for (int g = 0; g < groups; g++)
      for (int i : profile.members[g]) {
        fitted[i] = xb[i] + randomEffects[g];
        resid[i] = profile.y[i] - fitted[i];
      }
  }

  /**
   * The inverse of −H for statsmodels' Hessian H = [[−fac·M/qf, −fac·h/qf], [·, hre]] in (β, γ),
   * by blocks with M⁻¹ from the QR factor (no inversion of a possibly ill-conditioned X'V⁻¹X).
   */
  private static double[][] inverseOfNegativeHessian(double[][] mInv, double[] h, double hre, double fac, double qf) {
    int p = h.length;
    double[][] out = new double[p + 1][p + 1];
    double[] pu = new double[p]; // P⁻¹u with P = fac·M/qf, u = fac·h/qf: P⁻¹u = M⁻¹h
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (int k = 0; k < p; k++) s += mInv[j][k] * h[k];
      pu[j] = s;
    }
    double uPu = 0;
    for (int j = 0; j < p; j++) uPu += fac * h[j] / qf * pu[j];
    double d = -hre - uPu;
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) out[j][k] = qf / fac * mInv[j][k] + pu[j] * pu[k] / d;
      out[j][p] = out[p][j] = -pu[j] / d;
    }
    out[p][p] = 1 / d;
    return out;
  }

  /** Fixed effects names then "{groups} Var", as statsmodels' params index. */
  private static List<String> namesWithGroupVar(List<String> fixed, String groupsColumn) {
    List<String> names = new ArrayList<>(fixed);
    names.add(groupsColumn + " Var");
    return names;
  }

  private static double[][] mul(double[][] a, double[][] b) {
    int n = a.length, m = b[0].length, k = b.length;
    double[][] c = new double[n][m];
    for (int i = 0; i < n; i++)
      for (int t = 0; t < k; t++) {
        double v = a[i][t];
        if (v == 0) continue;
        for (int j = 0; j < m; j++) c[i][j] += v * b[t][j];
      }
    return c;
  }

  /** Normal intervals (z statistics), as statsmodels. */
  @Override
  double criticalValue(double alpha) {
    return Distributions.normalQuantile(1 - alpha / 2);
  }

  /** Fixed effects only, in design order. */
  public Map<String, Double> feParams() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int j = 0; j < kFe; j++) m.put(names.get(j), params[j]);
    return m;
  }

  /** Inverse of the negative Hessian in (fixed effects, γ), statsmodels' cov_params(). */
  public double[][] covParams() {
    double[][] c = new double[covParams.length][];
    for (int i = 0; i < c.length; i++) c[i] = covParams[i].clone();
    return c;
  }

  /** The (REML or ML) log-likelihood at the optimum, statsmodels' definition. */
  @Override
  public double llf() {
    return llf;
  }

  /** Residual variance σ². */
  @Override
  public double scale() {
    return scale;
  }

  /** Random-intercept variance σ²_u (statsmodels' cov_re). */
  public double groupVar() {
    return groupVar;
  }

  public boolean converged() {
    return converged;
  }

  public boolean reml() {
    return reml;
  }

  /** Predicted random intercept (BLUP) per group label. */
  public Map<String, Double> randomEffects() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int g = 0; g < groupLabels.size(); g++) m.put(groupLabels.get(g), randomEffects[g]);
    return m;
  }

  private double varFitted() {
    double mean = 0;
    for (double f : fitted) mean += f;
    mean /= fitted.length;
    double v = 0;
    for (double f : fitted) v += (f - mean) * (f - mean);
    return v / fitted.length; // np.var: population variance
  }

  /** The paper's marginal R²: var(fitted) / (var(fitted) + group var + scale). */
  public double r2Marginal() {
    double vf = varFitted();
    return vf / (vf + groupVar + scale);
  }

  /** The paper's conditional R²: (var(fitted) + group var) / (var(fitted) + group var + scale). */
  public double r2Conditional() {
    double vf = varFitted();
    return (vf + groupVar) / (vf + groupVar + scale);
  }

  /**
   * The coefficient table's cells as statsmodels prints them: fixed effects with z tests,
   * then the group variance on the data's scale with its standard error and no test.
   */
  String[][] coefficientCells() {
    int p = kFe;
    double[][] ci = confIntArray(0.05);
    String[][] cells = new String[p + 1][];
    for (int j = 0; j < p; j++)
      cells[j] = new String[] {Fmt.f(params[j], 3), Fmt.f(bse[j], 3), Fmt.f(statistics[j], 3), Fmt.f(pvalues[j], 3),
          Fmt.f(ci[j][0], 3), Fmt.f(ci[j][1], 3)};
    cells[p] = new String[] {Fmt.f(groupVar, 3), Fmt.f(Math.sqrt(scale) * bse[p], 3), "", "", "", ""};
    return cells;
  }

  @Override
  public String summary() {
    String[] header = {"Coef.", "Std.Err.", "z", "P>|z|", "[0.025", "0.975]"};
    String[][] cells = coefficientCells();
    int stub = 0;
    for (String nme : names) stub = Math.max(stub, nme.length());
    int[] w = new int[6];
    for (int c = 0; c < 6; c++) {
      w[c] = header[c].length();
      for (String[] row : cells) w[c] = Math.max(w[c], row[c].length());
    }
    int width = stub;
    for (int c : w) width += 1 + c;

    int min = Integer.MAX_VALUE, max = 0;
    for (int s : groupSizes) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    String[][] info = {
        {"Model:", "MixedLM", "Dependent Variable:", String.valueOf(response)},
        {"No. Observations:", Integer.toString(nobs), "Method:", reml ? "REML" : "ML"},
        {"No. Groups:", Integer.toString(groupSizes.length), "Scale:", Fmt.f(scale, 4)},
        {"Min. group size:", Integer.toString(min), "Log-Likelihood:", Fmt.f(llf, 4)},
        {"Max. group size:", Integer.toString(max), "Converged:", converged ? "Yes" : "No"},
        {"Mean group size:", Fmt.f((double) nobs / groupSizes.length, 1), "", ""}};
    int[] iw = new int[4];
    for (String[] row : info) for (int c = 0; c < 4; c++) iw[c] = Math.max(iw[c], row[c].length());
    int natural = iw[0] + iw[1] + iw[2] + iw[3] + 3 * 2;
    int pad = Math.max(0, (width - natural) / 3);
    int padIndex = Math.max(0, width - (natural + 3 * pad));
    String sep = " ".repeat(2 + pad);
    int total = Math.max(width, natural);

    StringBuilder sb = new StringBuilder();
    String title = "Mixed Linear Model Regression Results";
    sb.append(" ".repeat(Math.max(0, (total - title.length()) / 2))).append(title).append('\n');
    sb.append("=".repeat(total)).append('\n');
    for (String[] row : info)
      sb.append(Fmt.rpad(row[0], iw[0] + padIndex)).append(sep).append(Fmt.rpad(row[1], iw[1])).append(sep)
          .append(Fmt.rpad(row[2], iw[2])).append(sep).append(Fmt.rpad(row[3], iw[3])).append('\n');
    sb.append("-".repeat(total)).append('\n');
    StringBuilder h = new StringBuilder(" ".repeat(stub));
    for (int c = 0; c < 6; c++) h.append(' ').append(Fmt.center(header[c], w[c]));
    sb.append(h).append('\n').append("-".repeat(total)).append('\n');
    for (int j = 0; j < cells.length; j++) {
      StringBuilder row = new StringBuilder(Fmt.rpad(names.get(j), stub));
      for (int c = 0; c < 6; c++) row.append(' ').append(Fmt.lpad(cells[j][c], w[c]));
      sb.append(row).append('\n');
    }
    sb.append("=".repeat(total)).append('\n');
    return sb.toString();
  }

  @Override
  public String toHtml() {
    return HtmlSummary.render("Mixed Linear Model Regression Results", new String[][] {
        {"Dependent Variable", String.valueOf(response)}, {"Method", reml ? "REML" : "ML"},
        {"No. Observations", Integer.toString(nobs)}, {"No. Groups", Integer.toString(groupSizes.length)},
        {"Scale", Fmt.f(scale, 4)}, {"Group Var", Fmt.f(groupVar, 4)},
        {"Log-Likelihood", Fmt.f(llf, 4)}, {"Converged", converged ? "Yes" : "No"},
        {"R² marginal", Fmt.f(r2Marginal(), 4)}, {"R² conditional", Fmt.f(r2Conditional(), 4)}},
        names, coefficientCells(), "z");
  }

  @Override
  public String toJson() {
    Map<String, Object> m = jsonCommon("mixedlm");
    m.put("groups", groupsColumn);
    m.put("method", reml ? "REML" : "ML");
    m.put("group_var", groupVar);
    m.put("converged", converged);
    m.put("r2_marginal", r2Marginal());
    m.put("r2_conditional", r2Conditional());
    return JsonOut.write(m);
  }
}
