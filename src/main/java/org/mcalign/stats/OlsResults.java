package org.mcalign.stats;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The result of an OLS fit, with statsmodels' definitions of every statistic. */
public final class OlsResults extends FittedRegression {
  private final int rank, kConstant;
  private final double[] y;
  private final double ssr, scale, llf, rsquared, rsquaredAdj, fvalue, fPvalue, dfModel, dfResid;
  private final LeastSquares solution;

  OlsResults(List<String> names, double[][] x, double[] y, LeastSquares ls, String formula, String response,
      boolean explicitConstant) {
    super(names, formula, response, y.length);
    this.y = y;
    int k = names.size();
    System.arraycopy(ls.beta, 0, params, 0, k);
    this.rank = ls.rank;
    this.kConstant = explicitConstant || ls.spansConstant ? 1 : 0;
    System.arraycopy(LeastSquares.multiply(x, params, nobs), 0, fitted, 0, nobs);
    double s = 0, ybar = 0, utss = 0;
    for (int i = 0; i < nobs; i++) {
      resid[i] = y[i] - fitted[i];
      s += resid[i] * resid[i];
      ybar += y[i];
      utss += y[i] * y[i];
    }
    ybar /= nobs;
    double ctss = 0;
    for (int i = 0; i < nobs; i++) ctss += (y[i] - ybar) * (y[i] - ybar);
    this.ssr = s;
    this.dfModel = rank - kConstant;
    this.dfResid = nobs - rank;
    this.scale = ssr / dfResid;
    this.llf = -nobs / 2.0 * Math.log(2 * Math.PI) - nobs / 2.0 * Math.log(ssr / nobs) - nobs / 2.0;
    double tss = kConstant == 1 ? ctss : utss;
    this.rsquared = 1 - ssr / tss;
    this.rsquaredAdj = 1 - (nobs - kConstant) / dfResid * (1 - rsquared);
    double ess = tss - ssr;
    this.fvalue = (ess / dfModel) / (ssr / dfResid);
    this.fPvalue = Distributions.fSurvival(fvalue, dfModel, dfResid);
    for (int j = 0; j < k; j++) {
      bse[j] = Math.sqrt(ls.covDiagonal[j] * scale);
      statistics[j] = params[j] / bse[j];
      pvalues[j] = Distributions.tTwoSided(statistics[j], dfResid);
    }
    this.solution = ls;
  }

  @Override
  double criticalValue(double alpha) {
    return Distributions.tQuantile(1 - alpha / 2, dfResid);
  }

  /** (X'X)⁺ times scale: the covariance of the estimates. */
  public double[][] covParams() {
    double[][] normalizedCov = solution.normalizedCov();
    double[][] c = new double[params.length][params.length];
    for (int i = 0; i < c.length; i++) for (int j = 0; j < c.length; j++) c[i][j] = normalizedCov[i][j] * scale;
    return c;
  }

  @Override
  public double llf() {
    return llf;
  }

  /** Residual variance ssr / df_resid. */
  @Override
  public double scale() {
    return scale;
  }

  public double ssr() {
    return ssr;
  }

  public double rsquared() {
    return rsquared;
  }

  public double rsquaredAdj() {
    return rsquaredAdj;
  }

  public double fvalue() {
    return fvalue;
  }

  public double fPvalue() {
    return fPvalue;
  }

  public double aic() {
    return -2 * llf + 2 * (dfModel + kConstant);
  }

  public double bic() {
    return -2 * llf + Math.log(nobs) * (dfModel + kConstant);
  }

  public double dfResid() {
    return dfResid;
  }

  public double dfModel() {
    return dfModel;
  }

  /** Rank of the design (less than the number of columns when it is rank deficient). */
  public int rank() {
    return rank;
  }

  /** 1 when the design has an explicit or implicit constant (statsmodels' k_constant). */
  public int kConstant() {
    return kConstant;
  }

  /** Ratio of the largest to the smallest singular value of the design (computed on first use; NaN if that fails). */
  public double conditionNumber() {
    try {
      double[] sv = solution.singularValues();
      return sv.length == 0 ? Double.NaN : sv[0] / sv[sv.length - 1];
    } catch (ArithmeticException svdFailed) {
      return Double.NaN; // a diagnostic never aborts a fit
    }
  }

  @Override
  public String summary() {
    return summary(ZonedDateTime.now(ZoneOffset.UTC));
  }

  String summary(ZonedDateTime when) {
    StringBuilder sb = new StringBuilder();
    sb.append(Fmt.center("OLS Regression Results", 78)).append('\n');
    sb.append("=".repeat(78)).append('\n');
    String[][] left = {
        {"Dep. Variable:", response == null ? "y" : response},
        {"Model:", "OLS"},
        {"Method:", "Least Squares"},
        {"Date:", when.format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy", Locale.ENGLISH))},
        {"Time:", when.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH))},
        {"No. Observations:", Integer.toString(nobs)},
        {"Df Residuals:", Long.toString(Math.round(dfResid))},
        {"Df Model:", Long.toString(Math.round(dfModel))},
        {"Covariance Type:", "nonrobust"}};
    String[][] right = {
        {"R-squared:", Fmt.f(rsquared, 3)},
        {"Adj. R-squared:", Fmt.f(rsquaredAdj, 3)},
        {"F-statistic:", Fmt.g(fvalue, 4)},
        {"Prob (F-statistic):", Fmt.g(fPvalue, 3)},
        {"Log-Likelihood:", Fmt.g(llf, 5)},
        {"AIC:", Fmt.g(aic(), 4)},
        {"BIC:", Fmt.g(bic(), 4)},
        {"", ""},
        {"", ""}};
    twoColumns(sb, left, right);
    // coefficient table
    int stub = 0;
    for (String n : names) stub = Math.max(stub, n.length());
    double[][] ci = confIntArray(0.05);
    String[][] cells = new String[names.size()][];
    int[] w = {9, 9, 9, 9, 10, 10};
    String[] header = {"coef", "std err", "t", "P>|t|", "[0.025", "0.975]"};
    for (int j = 0; j < names.size(); j++) {
      cells[j] = new String[] {Fmt.f(params[j], 4), Fmt.f(bse[j], 3), Fmt.f(statistics[j], 3), Fmt.f(pvalues[j], 3),
          Fmt.f(ci[j][0], 3), Fmt.f(ci[j][1], 3)};
      for (int c = 0; c < 6; c++) w[c] = Math.max(w[c], cells[j][c].length());
    }
    int width = stub;
    for (int c : w) width += c + 2;
    sb.append("=".repeat(width)).append('\n');
    StringBuilder h = new StringBuilder(" ".repeat(stub));
    for (int c = 0; c < 6; c++) h.append("  ").append(Fmt.lpad(header[c], w[c]));
    sb.append(h).append('\n').append("-".repeat(width)).append('\n');
    for (int j = 0; j < names.size(); j++) {
      StringBuilder r = new StringBuilder(Fmt.rpad(names.get(j), stub));
      for (int c = 0; c < 6; c++) r.append("  ").append(Fmt.lpad(cells[j][c], w[c]));
      sb.append(r).append('\n');
    }
    // residual diagnostics
    Diagnostics d = new Diagnostics(resid);
    double condNo = conditionNumber();
    sb.append("=".repeat(78)).append('\n');
    twoColumns(sb,
        new String[][] {{"Omnibus:", Fmt.f(d.omnibus, 3)}, {"Prob(Omnibus):", Fmt.f(d.omnibusP, 3)},
            {"Skew:", Fmt.f(d.skew, 3)}, {"Kurtosis:", Fmt.f(d.kurtosis, 3)}},
        new String[][] {{"Durbin-Watson:", Fmt.f(d.durbinWatson, 3)}, {"Jarque-Bera (JB):", Fmt.f(d.jb, 3)},
            {"Prob(JB):", Fmt.g(d.jbP, 3)}, {"Cond. No.", Fmt.g(condNo, 3)}});
    sb.append("=".repeat(78)).append("\n\nNotes:\n");
    sb.append("[1] Standard Errors assume that the covariance matrix of the errors is correctly specified.");
    if (rank < names.size())
      sb.append("\n[2] The design is rank deficient (rank ").append(rank).append(" < ").append(names.size())
          .append(" columns): the minimum-norm (pseudo-inverse) solution is reported.");
    else if (condNo > 1000)
      sb.append("\n[2] The condition number is large, ").append(Fmt.g(condNo, 2).replaceAll("\\.$", ""))
          .append(". This might indicate that there are\nstrong multicollinearity or other numerical problems.");
    return sb.toString();
  }

  private static void twoColumns(StringBuilder sb, String[][] left, String[][] right) {
    for (int i = 0; i < left.length; i++) {
      String l = left[i][0] + Fmt.lpad(left[i][1], 37 - left[i][0].length());
      String r = right[i][0] + Fmt.lpad(right[i][1], 38 - right[i][0].length());
      sb.append(l).append("   ").append(r).append('\n');
    }
  }

  @Override
  public String toHtml() {
    return HtmlSummary.render("OLS Regression Results", new String[][] {
        {"Dep. Variable", String.valueOf(response)}, {"No. Observations", Integer.toString(nobs)},
        {"Df Residuals", Long.toString(Math.round(dfResid))}, {"Df Model", Long.toString(Math.round(dfModel))},
        {"R-squared", Fmt.f(rsquared, 3)}, {"Adj. R-squared", Fmt.f(rsquaredAdj, 3)},
        {"F-statistic", Fmt.g(fvalue, 4)}, {"Prob (F-statistic)", Fmt.g(fPvalue, 3)},
        {"Log-Likelihood", Fmt.g(llf, 5)}, {"AIC", Fmt.g(aic(), 4)}, {"BIC", Fmt.g(bic(), 4)}},
        this, "t", 4);
  }

  @Override
  public String toJson() {
    Map<String, Object> m = jsonCommon("ols");
    m.put("rsquared", rsquared);
    m.put("rsquared_adj", rsquaredAdj);
    m.put("fvalue", fvalue);
    m.put("f_pvalue", fPvalue);
    m.put("aic", aic());
    m.put("bic", bic());
    m.put("df_resid", dfResid);
    m.put("df_model", dfModel);
    m.put("rank", rank);
    return JsonOut.write(m);
  }

  /** Residual diagnostics of the summary (scipy's skew, kurtosis, normaltest; JB; DW). */
  static final class Diagnostics {
    final double skew, kurtosis, omnibus, omnibusP, jb, jbP, durbinWatson;

    Diagnostics(double[] r) {
      int n = r.length;
      double mean = 0;
      for (double v : r) mean += v;
      mean /= n;
      double m2 = 0, m3 = 0, m4 = 0;
      for (double v : r) {
        double d = v - mean, d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
      }
      m2 /= n;
      m3 /= n;
      m4 /= n;
      skew = m3 / Math.pow(m2, 1.5);
      kurtosis = m4 / (m2 * m2);
      double zs = skewZ(skew, n), zk = kurtosisZ(kurtosis, n);
      omnibus = zs * zs + zk * zk;
      omnibusP = Math.exp(-omnibus / 2); // chi2(2) survival
      jb = n / 6.0 * (skew * skew + (kurtosis - 3) * (kurtosis - 3) / 4);
      jbP = Math.exp(-jb / 2);
      double num = 0, den = 0;
      for (int i = 0; i < n; i++) {
        den += r[i] * r[i];
        if (i > 0) num += (r[i] - r[i - 1]) * (r[i] - r[i - 1]);
      }
      durbinWatson = num / den;
    }

    /** scipy.stats.skewtest's Z. */
    static double skewZ(double b2, double n) {
      double y = b2 * Math.sqrt(((n + 1) * (n + 3)) / (6.0 * (n - 2)));
      double beta2 = 3.0 * (n * n + 27 * n - 70) * (n + 1) * (n + 3) / ((n - 2) * (n + 5) * (n + 7) * (n + 9));
      double w2 = -1 + Math.sqrt(2 * (beta2 - 1));
      double delta = 1 / Math.sqrt(0.5 * Math.log(w2));
      double alpha = Math.sqrt(2.0 / (w2 - 1));
      if (y == 0) y = 1;
      double ya = y / alpha;
      return delta * Math.log(ya + Math.sqrt(ya * ya + 1));
    }

    /** scipy.stats.kurtosistest's Z (b2 is Pearson's kurtosis). */
    static double kurtosisZ(double b2, double n) {
      double e = 3.0 * (n - 1) / (n + 1);
      double varb2 = 24.0 * n * (n - 2) * (n - 3) / ((n + 1) * (n + 1) * (n + 3) * (n + 5));
      double x = (b2 - e) / Math.sqrt(varb2);
      double sqrtbeta1 = 6.0 * (n * n - 5 * n + 2) / ((n + 7) * (n + 9)) * Math.sqrt((6.0 * (n + 3) * (n + 5)) / (n * (n - 2) * (n - 3)));
      double a = 6.0 + 8.0 / sqrtbeta1 * (2.0 / sqrtbeta1 + Math.sqrt(1 + 4.0 / (sqrtbeta1 * sqrtbeta1)));
      double term1 = 1 - 2 / (9.0 * a);
      double denom = 1 + x * Math.sqrt(2 / (a - 4.0));
      double term2 = Math.signum(denom) * Math.cbrt((1 - 2.0 / a) / Math.abs(denom));
      return (term1 - term2) / Math.sqrt(2 / (9.0 * a));
    }
  }
}
