package org.mcalign.stats;

import java.util.List;
import java.util.Map;

/**
 * The part every fitted regression shares: coefficient names, estimates, standard errors, test
 * statistics and p-values (arrays sized here, filled by the subclass's constructor), fitted
 * values and residuals, the accessors over them, confidence intervals and the common part of
 * the JSON object. Subclasses say which distribution the intervals use.
 */
abstract class FittedRegression implements RegressionResults {
  final List<String> names;
  final String formula;
  final String response;
  final int nobs;
  final double[] params, bse, statistics, pvalues, fitted, resid;

  FittedRegression(List<String> names, String formula, String response, int nobs) {
    this.names = List.copyOf(names);
    this.formula = formula;
    this.response = response;
    this.nobs = nobs;
    int k = names.size();
    this.params = new double[k];
    this.bse = new double[k];
    this.statistics = new double[k];
    this.pvalues = new double[k];
    this.fitted = new double[nobs];
    this.resid = new double[nobs];
  }

  /** The two-sided (1 − alpha) critical value of the statistic's distribution (t or normal). */
  abstract double criticalValue(double alpha);

  /** Coefficient names in statsmodels' order (its params index). */
  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public double[] paramsArray() {
    return params.clone();
  }

  @Override
  public double[] bseArray() {
    return bse.clone();
  }

  /** t (OLS) or z (mixed model) statistics. */
  @Override
  public double[] tvaluesArray() {
    return statistics.clone();
  }

  @Override
  public double[] pvaluesArray() {
    return pvalues.clone();
  }

  /** estimate ± critical value × standard error, as statsmodels. */
  @Override
  public double[][] confIntArray(double alpha) {
    double q = criticalValue(alpha);
    double[][] ci = new double[params.length][];
    for (int j = 0; j < params.length; j++) ci[j] = new double[] {params[j] - q * bse[j], params[j] + q * bse[j]};
    return ci;
  }

  @Override
  public int nobs() {
    return nobs;
  }

  /** As statsmodels' fittedvalues. */
  @Override
  public double[] fittedValues() {
    return fitted.clone();
  }

  @Override
  public double[] residuals() {
    return resid.clone();
  }

  public String formula() {
    return formula;
  }

  /** The JSON object's fields shared by every kind of fit; the caller adds its own. */
  Map<String, Object> jsonCommon(String kind) {
    return JsonOut.common(this, kind, formula);
  }

  @Override
  public String toString() {
    return summary();
  }
}
