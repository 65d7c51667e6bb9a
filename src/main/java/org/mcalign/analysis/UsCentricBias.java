package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcalign.data.Paper;
import org.mcalign.data.Study;
import org.mcalign.stats.Correlation;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** RQ2 ({@code plot_us_centric_bias.py}): is alignment biased towards the United States? */
public final class UsCentricBias {
  private UsCentricBias() {}

  /** The paper's OLS formula (two spaces after the tilde, as in the paper). */
  public static final String FORMULA = "metric_value ~  us*model_name:language";

  /** The paper's OLS on the US data. */
  public static org.mcalign.stats.OlsResults fit(Table usData) {
    return org.mcalign.stats.Ols.fit(FORMULA, usData);
  }

  /** {@link #biasCoefficients(org.mcalign.stats.RegressionResults, Study)} with the paper's study. */
  public static Table biasCoefficients(org.mcalign.stats.RegressionResults fit) {
    return biasCoefficients(fit, Study.paper());
  }

  /**
   * The β_BiasUS coefficients ({@code get_coefficients}): every term with
   * {@code :model_name}, split into model_name and language, with intervals and the model's family in {@code study}.
   */
  public static Table biasCoefficients(org.mcalign.stats.RegressionResults fit, Study study) {
    java.util.regex.Pattern lang = java.util.regex.Pattern.compile("language\\[([^\\]]+)\\]");
    java.util.regex.Pattern model = java.util.regex.Pattern.compile("model_name\\[T?\\.?([^\\]]+)\\]");
    Table c = fit.coefTable();
    StringColumn term = StringColumn.create("term"), m = StringColumn.create("model_name"),
        l = StringColumn.create("language"), f = StringColumn.create("family");
    DoubleColumn coef = DoubleColumn.create("coefficient"), se = DoubleColumn.create("std_err"),
        p = DoubleColumn.create("p_value"), lo = DoubleColumn.create("conf_int_lower"), hi = DoubleColumn.create("conf_int_upper");
    for (int i = 0; i < c.rowCount(); i++) {
      String name = c.getString(i, "name");
      if (!name.contains(":model_name")) continue;
      java.util.regex.Matcher lm = lang.matcher(name), mm = model.matcher(name);
      if (!lm.find() || !mm.find()) continue;
      term.append(name);
      m.append(mm.group(1));
      l.append(lm.group(1));
      f.append(Models.family(study, mm.group(1), "the RQ2 regression"));
      coef.append(c.doubleColumn("coef").getDouble(i));
      se.append(c.doubleColumn("std_err").getDouble(i));
      p.append(c.doubleColumn("pvalue").getDouble(i));
      lo.append(c.doubleColumn("ci_lower").getDouble(i));
      hi.append(c.doubleColumn("ci_upper").getDouble(i));
    }
    return Table.create("us_bias_coefficients", term, m, l, f, coef, se, p, lo, hi);
  }

  /**
   * Each country's Pearson correlation with the US (the study's reference country) over the
   * questions both have ({@code country_corrs_us}), from {@code ground_truth_every_country.csv}.
   */
  public static Map<String, Double> countryCorrelationsWithUs(AnalysisInputs in) {
    Table gt = in.groundTruthEveryCountry();
    Map<String, Map<String, Double>> byCountry = new LinkedHashMap<>();
    for (int i = 0; i < gt.rowCount(); i++)
      byCountry.computeIfAbsent(gt.getString(i, "cntry_an"), k -> new LinkedHashMap<>())
          .put(gt.getString(i, "question_key"), gt.doubleColumn("pro_score").getDouble(i));
    String reference = in.study().referenceCountry();
    Map<String, Double> us = byCountry.get(reference);
    if (us == null)
      throw new IllegalArgumentException("ground_truth_every_country.csv: no rows for cntry_an " + reference + ", the study's reference country");
    Map<String, Double> out = new LinkedHashMap<>();
    byCountry.forEach((c, q) -> {
      List<double[]> pairs = new ArrayList<>();
      q.forEach((k, v) -> { if (us.containsKey(k)) pairs.add(new double[] {v, us.get(k)}); });
      double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
      out.put(c, Correlation.pearson(x, y));
    });
    return out;
  }

  /** The same as a table (cntry_an, us_corr), for notebooks. */
  public static Table countryCorrelationTable(AnalysisInputs in) {
    Map<String, Double> m = countryCorrelationsWithUs(in);
    StringColumn c = StringColumn.create("cntry_an");
    DoubleColumn v = DoubleColumn.create("us_corr");
    m.forEach((k, x) -> { c.append(k); v.append(x); });
    return Table.create("country_correlations_with_us", c, v).sortDescendingOn("us_corr");
  }

  /**
   * {@code get_us_data}: country-level rows where the prompt language is the country's
   * language (native) or the country is the US (the study's reference country), without the
   * fifty-percent baseline, with each country's correlation to the US. Columns model_name,
   * family, language, gt_group, metric_value, consistency, native, us, us_corr, round; sorted
   * by family (the study's order). A model the study does not declare is an error.
   */
  public static Table usData(Table experiment, AnalysisInputs in) {
    Study study = in.study();
    String reference = study.referenceCountry();
    Table gt = in.groundTruthEveryCountry();
    Map<String, Set<String>> countryLangs = new HashMap<>();
    for (int i = 0; i < gt.rowCount(); i++)
      countryLangs.computeIfAbsent(gt.getString(i, "cntry_an"), k -> new LinkedHashSet<>()).add(gt.getString(i, "lnge_iso"));
    Map<String, Double> usCorr = countryCorrelationsWithUs(in);
    StringColumn model = experiment.stringColumn("model_name");
    StringColumn group = experiment.stringColumn("gt_group");
    StringColumn lang = experiment.stringColumn("response_language");
    List<int[]> keep = new ArrayList<>(); // row, native flag
    List<String> langOfCountry = new ArrayList<>();
    for (int i = 0; i < experiment.rowCount(); i++) {
      if (!experiment.getString(i, "gt_type").equals("country")) continue;
      String m = model.get(i);
      Models.family(study, m, "the total ground-truth alignment");
      if (m.equals(Paper.BASELINE_FIFTY)) continue;
      Set<String> langs = countryLangs.get(group.get(i));
      if (langs == null || !usCorr.containsKey(group.get(i))) continue;
      for (String l : langs) {
        boolean nat = lang.get(i).equals(l), us = group.get(i).equals(reference);
        if (nat || us) { keep.add(new int[] {i, nat ? 1 : 0}); langOfCountry.add(l); }
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < keep.size(); k++) order.add(k);
    List<String> families = study.allFamilies();
    order.sort(Comparator.comparingInt(k -> families.indexOf(study.familyOf(model.get(keep.get(k)[0])).orElseThrow())));
    int n = order.size();
    StringColumn mOut = StringColumn.create("model_name", n), fam = StringColumn.create("family", n);
    StringColumn lOut = StringColumn.create("language", n), gOut = StringColumn.create("gt_group", n);
    DoubleColumn mv = DoubleColumn.create("metric_value", n), co = DoubleColumn.create("consistency", n);
    BooleanColumn nat = BooleanColumn.create("native", n), us = BooleanColumn.create("us", n);
    DoubleColumn uc = DoubleColumn.create("us_corr", n);
    IntColumn rd = IntColumn.create("round", n);
    for (int k = 0; k < n; k++) {
      int[] kr = keep.get(order.get(k));
      int i = kr[0];
      String m = model.get(i);
      mOut.set(k, m);
      fam.set(k, study.familyOf(m).orElseThrow());
      lOut.set(k, lang.get(i));
      gOut.set(k, group.get(i));
      mv.set(k, experiment.doubleColumn("metric_value").getDouble(i));
      co.set(k, experiment.doubleColumn("consistency").getDouble(i));
      nat.set(k, kr[1] == 1);
      us.set(k, group.get(i).equals(reference));
      uc.set(k, usCorr.get(group.get(i)));
      rd.set(k, experiment.intColumn("round").getInt(i));
    }
    return Table.create("rq2_regression_input", mOut, fam, lOut, gOut, mv, co, nat, us, uc, rd);
  }
}
