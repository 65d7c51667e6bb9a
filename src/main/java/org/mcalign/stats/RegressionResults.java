package org.mcalign.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What every fitted regression offers, statsmodels-style. Maps are ordered as
 * {@link #names()} (statsmodels' coefficient order).
 */
public interface RegressionResults {
  /** Coefficient names in statsmodels' order. */
  List<String> names();

  double[] paramsArray();

  double[] bseArray();

  /** t (OLS) or z (mixed model) statistics. */
  double[] tvaluesArray();

  double[] pvaluesArray();

  /** Lower and upper bounds of the (1 − alpha) confidence interval per coefficient. */
  double[][] confIntArray(double alpha);

  int nobs();

  double llf();

  double scale();

  double[] fittedValues();

  double[] residuals();

  /** statsmodels-like printed summary. */
  String summary();

  /** The summary as an HTML table (rendered in notebooks). */
  String toHtml();

  /** The {@code mcalign fit --json} object. */
  String toJson();

  default Map<String, Double> params() {
    return asMap(paramsArray());
  }

  default Map<String, Double> bse() {
    return asMap(bseArray());
  }

  default Map<String, Double> tvalues() {
    return asMap(tvaluesArray());
  }

  default Map<String, Double> pvalues() {
    return asMap(pvaluesArray());
  }

  /** 95 % intervals: name → {lower, upper}. */
  default Map<String, double[]> confInt() {
    return confInt(0.05);
  }

  default Map<String, double[]> confInt(double alpha) {
    double[][] ci = confIntArray(alpha);
    Map<String, double[]> m = new LinkedHashMap<>();
    for (int i = 0; i < ci.length; i++) m.put(names().get(i), ci[i]);
    return m;
  }

  /** One row per coefficient: name, coef, std_err, statistic, pvalue, ci_lower, ci_upper. */
  default Table coefTable() {
    double[][] ci = confIntArray(0.05);
    double[] lo = new double[ci.length], hi = new double[ci.length];
    for (int i = 0; i < ci.length; i++) {
      lo[i] = ci[i][0];
      hi[i] = ci[i][1];
    }
    return Table.create("coefficients",
        StringColumn.create("name", names()),
        DoubleColumn.create("coef", paramsArray()),
        DoubleColumn.create("std_err", bseArray()),
        DoubleColumn.create("statistic", tvaluesArray()),
        DoubleColumn.create("pvalue", pvaluesArray()),
        DoubleColumn.create("ci_lower", lo),
        DoubleColumn.create("ci_upper", hi));
  }

  private Map<String, Double> asMap(double[] v) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < v.length; i++) m.put(names().get(i), v[i]);
    return m;
  }
}
