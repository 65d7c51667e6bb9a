package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.Paper;
import org.mcalign.data.Study;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * RQ1 ({@code plot_multilingual_benchmarks.py}): does multilingual capability predict
 * cultural alignment? The regression data, the three mixed models (groups = model) and the
 * adjusted alignments.
 */
public final class MultilingualRegression {
  private MultilingualRegression() {}

  /** The paper's three mixed-model formulas, in its order. */
  public static final Map<String, String> FORMULAS = ordered(
      "normal", "alignment ~ 0 + consistency + multilingual:family:language",
      "no_consistency", "alignment ~ 0 + multilingual:family:language",
      "interaction", "alignment ~ 0 + consistency:language + multilingual:family:language");

  /** The adjusted-alignment OLS formulas ({@code ADJUSTMENT_FORMULAS}). */
  public static final Map<String, String> ADJUSTMENT_FORMULAS = ordered(
      "interaction", "alignment ~ 0 + consistency:language + language:model_name",
      "normal", "alignment ~ 0 + consistency + language:model_name");

  /**
   * {@code get_benchmark_data}: benchmark rows with the study's model names (from their
   * {@code benchmark_names}), without ENEM and without rows holding a missing value. Columns
   * model, benchmark, language, score, family.
   */
  public static Table benchmarks(AnalysisInputs in) {
    Study study = in.study();
    Table b = in.multilingualBenchmarks();
    Table out = b.emptyCopy();
    for (int i = 0; i < b.rowCount(); i++) {
      if (b.stringColumn("benchmark").get(i).contains("ENEM")) continue;
      boolean missing = false;
      for (int c = 0; c < b.columnCount(); c++) missing |= b.column(c).isMissing(i);
      if (missing) continue;
      out.addRow(i, b);
    }
    StringColumn model = out.stringColumn("model");
    for (int i = 0; i < out.rowCount(); i++) {
      String spelling = model.get(i);
      String id = study.modelOfBenchmarkName(spelling).orElseThrow(() -> new IllegalArgumentException(
          study.undeclared("benchmark model name", List.of(spelling), "multilingual_benchmarks.csv")));
      model.set(i, id);
    }
    return out.setName("benchmarks");
  }

  /** Mean benchmark score per (model, language display name). */
  static Map<String, Double> meanScores(Table benchmarks) {
    Map<String, double[]> acc = new LinkedHashMap<>();
    for (int i = 0; i < benchmarks.rowCount(); i++) {
      double[] a = acc.computeIfAbsent(benchmarks.getString(i, "model") + "|" + benchmarks.getString(i, "language"),
          k -> new double[2]);
      a[0] += benchmarks.doubleColumn("score").getDouble(i);
      a[1]++;
    }
    Map<String, Double> m = new HashMap<>();
    acc.forEach((k, a) -> m.put(k, a[0] / a[1]));
    return m;
  }

  /**
   * {@code get_language_regression_data}: language-level rows where the ground-truth
   * language is the prompt language (native), without the fifty-percent baseline, joined
   * with the mean benchmark score per model and language (/100; the uniform baseline has
   * none and drops out; so does a model without benchmark scores, see {@link #leftOut}).
   * Columns model_name, family, language (display name), gt_group, alignment, consistency,
   * multilingual, round; sorted by the paper's model order.
   */
  public static Table regressionData(Table experiment, Table benchmarks) {
    return regressionData(experiment, benchmarks, Study.paper());
  }

  /** {@link #regressionData(Table, Table)} with {@code study}'s families, language names and model order. */
  public static Table regressionData(Table experiment, Table benchmarks, Study study) {
    Map<String, Double> bench = meanScores(benchmarks);
    List<Integer> keep = new ArrayList<>();
    StringColumn model = experiment.stringColumn("model_name");
    StringColumn gtType = experiment.stringColumn("gt_type");
    StringColumn group = experiment.stringColumn("gt_group");
    StringColumn lang = experiment.stringColumn("response_language");
    for (int i = 0; i < experiment.rowCount(); i++) {
      String m = model.get(i);
      if (!gtType.get(i).equals("language") || !group.get(i).equals(lang.get(i))) continue;
      Models.family(study, m, "the total ground-truth alignment");
      if (m.equals(Paper.BASELINE_FIFTY)) continue;
      if (!bench.containsKey(m + "|" + study.languageName(lang.get(i)))) continue;
      keep.add(i);
    }
    keep.sort(Comparator.comparingInt(i -> study.modelOrder(model.get(i)))); // stable: polars sort by enum
    int n = keep.size();
    StringColumn mOut = StringColumn.create("model_name", n), fam = StringColumn.create("family", n);
    StringColumn lOut = StringColumn.create("language", n), gOut = StringColumn.create("gt_group", n);
    DoubleColumn al = DoubleColumn.create("alignment", n), co = DoubleColumn.create("consistency", n);
    DoubleColumn ml = DoubleColumn.create("multilingual", n);
    IntColumn rd = IntColumn.create("round", n);
    for (int k = 0; k < n; k++) {
      int i = keep.get(k);
      String m = model.get(i), l = study.languageName(lang.get(i));
      mOut.set(k, m);
      fam.set(k, study.familyOf(m).orElseThrow());
      lOut.set(k, l);
      gOut.set(k, group.get(i));
      al.set(k, experiment.doubleColumn("metric_value").getDouble(i));
      co.set(k, experiment.doubleColumn("consistency").getDouble(i));
      ml.set(k, bench.get(m + "|" + l) / 100.0);
      rd.set(k, experiment.intColumn("round").getInt(i));
    }
    return Table.create("rq1_regression_input", mOut, fam, lOut, gOut, al, co, ml, rd);
  }

  /**
   * The models (no baselines) and prompt languages of the experiment that have no benchmark
   * score in {@code multilingual_benchmarks.csv}: they are left out of RQ1 (which regresses on
   * that score) and only of RQ1. Columns model_name, language, reason; empty for the paper's data.
   */
  public static Table leftOut(Table experiment, Table benchmarks, Study study) {
    Map<String, Double> bench = meanScores(benchmarks);
    java.util.Set<String> cells = new java.util.TreeSet<>(
        Comparator.comparingInt((String c) -> study.modelOrder(c.split("\\|")[0])).thenComparing(c -> c));
    for (int i = 0; i < experiment.rowCount(); i++) {
      String m = experiment.getString(i, "model_name");
      if (Study.BASELINES.contains(m)) continue;
      String l = study.languageName(experiment.getString(i, "response_language"));
      if (!bench.containsKey(m + "|" + l)) cells.add(m + "|" + l);
    }
    StringColumn m = StringColumn.create("model_name"), l = StringColumn.create("language"), r = StringColumn.create("reason");
    for (String c : cells) {
      String[] p = c.split("\\|");
      m.append(p[0]);
      l.append(p[1]);
      boolean any = bench.keySet().stream().anyMatch(k -> k.startsWith(p[0] + "|"));
      r.append(any ? "no benchmark score for this language in multilingual_benchmarks.csv: left out of RQ1 only"
          : "no benchmark scores in multilingual_benchmarks.csv: left out of RQ1 only (give them with evaluate --benchmarks)");
    }
    return Table.create("rq1_left_out", m, l, r);
  }

  /** One of the paper's mixed models (REML, random intercept per model_name). */
  public static org.mcalign.stats.MixedLmResults fit(Table regressionData, String type) {
    String formula = FORMULAS.get(type);
    if (formula == null) throw new IllegalArgumentException("unknown RQ1 model '" + type + "'; expected " + FORMULAS.keySet());
    return org.mcalign.stats.MixedLinearModel.fit(formula, regressionData, "model_name");
  }

  /** Marginal and conditional R² (the paper's formula) and convergence of the fitted RQ1 models. */
  public static Table rSquared(Map<String, org.mcalign.stats.RegressionResults> regressions) {
    StringColumn type = StringColumn.create("regression_type");
    DoubleColumn m = DoubleColumn.create("r2_marginal"), c = DoubleColumn.create("r2_conditional"),
        gv = DoubleColumn.create("group_var"), llf = DoubleColumn.create("llf");
    tech.tablesaw.api.BooleanColumn conv = tech.tablesaw.api.BooleanColumn.create("converged");
    for (String t : FORMULAS.keySet()) {
      if (!(regressions.get("rq1_mixedlm_" + t) instanceof org.mcalign.stats.MixedLmResults r)) continue;
      type.append(t);
      m.append(r.r2Marginal());
      c.append(r.r2Conditional());
      gv.append(r.groupVar());
      llf.append(r.llf());
      conv.append(r.converged());
    }
    return Table.create("rq1_r_squared", type, m, c, gv, llf, conv);
  }

  private static final java.util.regex.Pattern LANG = java.util.regex.Pattern.compile("language\\[([^\\]]+)\\]");
  private static final java.util.regex.Pattern MODEL = java.util.regex.Pattern.compile("model_name\\[T?\\.?([^\\]]+)\\]");
  private static final java.util.regex.Pattern FAMILY = java.util.regex.Pattern.compile("family\\[([^\\]]+)\\]");

  /**
   * {@code calculate_adjusted_alignments}: {@code rounds} OLS fits of the adjustment formula
   * on the regression data resampled with replacement; each fit's language:model_name
   * coefficients. Columns model_name, language, adjusted_alignment, round.
   */
  public static AnalysisResult adjustedAlignments(Table regressionData, String type, int rounds, long seed, AnalysisSettings s) {
    String formula = ADJUSTMENT_FORMULAS.get(type);
    if (formula == null) throw new IllegalArgumentException("unknown adjustment '" + type + "'; expected " + ADJUSTMENT_FORMULAS.keySet());
    // The design is built once; a resample of the data is the same rows of the design (every
    // model × language cell holds ~100 rows, so no level can vanish from a resample).
    org.mcalign.stats.DesignMatrix d = org.mcalign.stats.DesignMatrix.build(formula, regressionData);
    int n = d.nobs(), ncols = d.ncols();
    Rounds.Body<org.mcalign.stats.OlsResults> body = (round, rng) -> {
      if (rng == null) return org.mcalign.stats.Ols.fit(d);
      int[] idx = rng.indices(n, n);
      double[][] cols = new double[ncols][n];
      double[] y = new double[n], full = d.response();
      for (int j = 0; j < ncols; j++) {
        double[] c = d.column(j), out = cols[j];
        for (int i = 0; i < n; i++) out[i] = c[idx[i]];
      }
      for (int i = 0; i < n; i++) y[i] = full[idx[i]];
      return org.mcalign.stats.Ols.fit(d.names(), cols, y, formula, "alignment");
    };
    List<org.mcalign.stats.OlsResults> fits = rounds == 0 ? List.of(body.run(0, null)) : Rounds.run(rounds, seed, s.threads(), body);
    StringColumn m = StringColumn.create("model_name"), l = StringColumn.create("language");
    DoubleColumn a = DoubleColumn.create("adjusted_alignment");
    IntColumn r = IntColumn.create("round");
    for (int round = 0; round < fits.size(); round++) {
      org.mcalign.stats.OlsResults f = fits.get(round);
      double[] p = f.paramsArray();
      for (int k = 0; k < p.length; k++) {
        String name = f.names().get(k);
        java.util.regex.Matcher lm = LANG.matcher(name), mm = MODEL.matcher(name);
        if (!lm.find() || !mm.find()) continue;
        m.append(mm.group(1));
        l.append(lm.group(1));
        a.append(p[k]);
        r.append(round);
      }
    }
    Map<String, Object> settings = new LinkedHashMap<>(s.asMap());
    settings.put("formula", formula);
    settings.put("rounds", rounds);
    return new AnalysisResult("adjusted_alignments", Table.create("adjusted_alignments", m, l, a, r), settings, seed);
  }

  /**
   * The multilingual coefficients of a fitted RQ1 model ({@code extract_results_df} +
   * {@code extract_term}): family, language, coefficient, std_err, p_value, conf_int_lower,
   * conf_int_upper, regression_type.
   */
  public static Table multilingualCoefficients(org.mcalign.stats.RegressionResults fit, String type) {
    Table c = fit.coefTable();
    StringColumn fam = StringColumn.create("family"), lang = StringColumn.create("language"), rt = StringColumn.create("regression_type");
    DoubleColumn co = DoubleColumn.create("coefficient"), se = DoubleColumn.create("std_err"), p = DoubleColumn.create("p_value"),
        lo = DoubleColumn.create("conf_int_lower"), hi = DoubleColumn.create("conf_int_upper");
    for (int i = 0; i < c.rowCount(); i++) {
      String name = c.getString(i, "name");
      java.util.regex.Matcher fm = FAMILY.matcher(name), lm = LANG.matcher(name);
      if (!fm.find() || !lm.find()) continue;
      fam.append(fm.group(1));
      lang.append(lm.group(1));
      co.append(c.doubleColumn("coef").getDouble(i));
      se.append(c.doubleColumn("std_err").getDouble(i));
      p.append(c.doubleColumn("pvalue").getDouble(i));
      lo.append(c.doubleColumn("ci_lower").getDouble(i));
      hi.append(c.doubleColumn("ci_upper").getDouble(i));
      rt.append(type);
    }
    return Table.create("multilingual_coefficients_" + type, fam, lang, co, se, p, lo, hi, rt);
  }

  /**
   * The capability-vs-alignment scatter data ({@code create_plot_data}): each bootstrap
   * adjusted alignment with its model's mean benchmark score (not divided by 100), family,
   * and the family × language multilingual coefficient and p-value of the chosen model.
   * Columns model_name, language, cultural alignment, multilingual capability, family,
   * coefficient, p_value.
   */
  public static Table scatterData(Table adjusted, Table benchmarks, Table coefficients) {
    return scatterData(adjusted, benchmarks, coefficients, Study.paper());
  }

  /** {@link #scatterData(Table, Table, Table)} with {@code study}'s families and model order. */
  public static Table scatterData(Table adjusted, Table benchmarks, Table coefficients, Study study) {
    Map<String, Double> bench = meanScores(benchmarks);
    Map<String, double[]> coef = new HashMap<>();
    for (int i = 0; i < coefficients.rowCount(); i++)
      coef.put(coefficients.getString(i, "family") + "|" + coefficients.getString(i, "language"),
          new double[] {coefficients.doubleColumn("coefficient").getDouble(i), coefficients.doubleColumn("p_value").getDouble(i)});
    StringColumn m = StringColumn.create("model_name"), l = StringColumn.create("language"), f = StringColumn.create("family");
    DoubleColumn ca = DoubleColumn.create("cultural alignment"), mc = DoubleColumn.create("multilingual capability"),
        co = DoubleColumn.create("coefficient"), p = DoubleColumn.create("p_value");
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < adjusted.rowCount(); i++) rows.add(i);
    rows.sort(Comparator.comparingInt(i -> study.modelOrder(adjusted.getString(i, "model_name"))));
    for (int i : rows) {
      String model = adjusted.getString(i, "model_name"), lang = adjusted.getString(i, "language");
      String family = Models.family(study, model, "the adjusted alignments");
      Double score = bench.get(model + "|" + lang);
      double[] cp = coef.get(family + "|" + lang);
      if (score == null || cp == null) continue;
      m.append(model);
      l.append(lang);
      f.append(family);
      ca.append(adjusted.doubleColumn("adjusted_alignment").getDouble(i));
      mc.append(score);
      co.append(cp[0]);
      p.append(cp[1]);
    }
    return Table.create("benchmark_alignment", m, l, ca, mc, f, co, p);
  }

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return java.util.Collections.unmodifiableMap(m);
  }
}
