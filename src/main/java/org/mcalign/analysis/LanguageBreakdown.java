package org.mcalign.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcalign.data.Paper;
import org.mcalign.data.Study;
import org.mcalign.stats.Ols;
import org.mcalign.stats.OlsResults;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The per-language alignment breakdown ({@code plot_language_analyses.py}): alignment per
 * ground-truth group (country, language, global) for each prompt language, adjusted for
 * consistency by one OLS, and the coefficients the three figures show.
 */
public final class LanguageBreakdown {
  private LanguageBreakdown() {}

  public static final String FORMULA = "alignment ~ 0 + consistency:language + gt_group:model_name:language";

  /**
   * {@code filter_experiment_data} + {@code prepare_plot_data}: rows whose ground-truth group
   * is the prompt language, a country speaking it, the US (the study's reference country),
   * English (its language) or global; the study's model families (no baselines); display
   * names for language and gt_group; level title-cased. Columns model_name, family, gt_group,
   * language, alignment, consistency, level, lnge_iso, round. A model the study does not
   * declare is an error.
   */
  public static Table data(Table experiment, AnalysisInputs in) {
    Study study = in.study();
    Set<String> always = Set.of(Paper.GLOBAL, study.referenceCountry(), study.referenceLanguage());
    Map<String, String> countryLanguage = new HashMap<>();
    Table cl = in.countryLanguages();
    for (int i = 0; i < cl.rowCount(); i++) countryLanguage.put(cl.getString(i, "cntry_AN"), cl.getString(i, "lnge_iso"));
    Set<String> responseLanguages = new HashSet<>(experiment.stringColumn("response_language").asSet());
    StringColumn m = StringColumn.create("model_name"), f = StringColumn.create("family"), g = StringColumn.create("gt_group"),
        l = StringColumn.create("language"), lv = StringColumn.create("level"), li = StringColumn.create("lnge_iso");
    DoubleColumn a = DoubleColumn.create("alignment"), c = DoubleColumn.create("consistency");
    IntColumn r = IntColumn.create("round");
    java.util.List<Integer> rows = new java.util.ArrayList<>();
    for (int i = 0; i < experiment.rowCount(); i++) {
      String group = experiment.getString(i, "gt_group"), lang = experiment.getString(i, "response_language");
      String iso = countryLanguage.get(group); // null unless the group is a country
      boolean first = lang.equals(iso) || lang.equals(group) || always.contains(group);
      boolean common = responseLanguages.contains(group) || (iso != null && responseLanguages.contains(iso))
          || experiment.getString(i, "gt_type").equals("global");
      String family = Models.family(study, experiment.getString(i, "model_name"), "the total ground-truth alignment");
      if (first && common && !family.equals(Study.BASELINE_FAMILY)) rows.add(i);
    }
    rows.sort(java.util.Comparator.comparing((Integer i) -> experiment.getString(i, "model_name"))
        .thenComparing(i -> experiment.getString(i, "gt_group")));
    for (int i : rows) {
      String group = experiment.getString(i, "gt_group"), model = experiment.getString(i, "model_name");
      m.append(model);
      f.append(study.familyOf(model).orElseThrow());
      g.append(displayGroup(group, study));
      l.append(study.languageName(experiment.getString(i, "response_language")));
      a.append(experiment.doubleColumn("metric_value").getDouble(i));
      c.append(experiment.doubleColumn("consistency").getDouble(i));
      String level = experiment.getString(i, "gt_type");
      lv.append(Character.toUpperCase(level.charAt(0)) + level.substring(1));
      li.append(countryLanguage.getOrDefault(group, ""));
      r.append(experiment.intColumn("round").getInt(i));
    }
    return Table.create("language_breakdown_data", m, f, g, l, a, c, lv, li, r);
  }

  /** {@code replace(LANGUAGE_MAP).replace(COUNTRY_MAP)} on gt_group, with the study's names. */
  static String displayGroup(String group, Study study) {
    String s = study.languageName(group);
    if (group.equals(Paper.GLOBAL)) return "Global";
    return study.countryName(s);
  }

  /**
   * The paper's OLS. Patsy's full interaction also makes a column for every ground-truth
   * group × model × language combination that never occurs (all zeros; statsmodels' pseudo-
   * inverse gives them coefficient 0 and they are never plotted); those columns are left out
   * here, which leaves every other coefficient, its standard error and the fit unchanged and
   * makes the fit several times faster.
   */
  public static OlsResults fit(Table data) {
    org.mcalign.stats.DesignMatrix d = org.mcalign.stats.DesignMatrix.build(FORMULA, data);
    java.util.List<String> names = new java.util.ArrayList<>();
    java.util.List<double[]> cols = new java.util.ArrayList<>();
    for (int j = 0; j < d.ncols(); j++) {
      double[] c = d.column(j);
      boolean zero = true;
      for (double v : c) if (v != 0) { zero = false; break; }
      if (zero) continue;
      names.add(d.names().get(j));
      cols.add(c);
    }
    return Ols.fit(names, cols.toArray(new double[0][]), d.response(), FORMULA, "alignment");
  }

  private static final Pattern MODEL = Pattern.compile("model_name\\[T?\\.?([^\\]]+)\\]");
  private static final Pattern GROUP = Pattern.compile("gt_group\\[([^\\]]+)\\]");
  private static final Pattern LANG = Pattern.compile("language\\[([^\\]]+)\\]");

  /**
   * The figures' data: each gt_group:model_name:language coefficient whose ground-truth
   * group is relevant to its language (the group occurs with that language in the data),
   * with its level and 95 % interval. Columns gt_group, level, model_name, language,
   * coefficient, conf_int_lower, conf_int_upper.
   */
  public static Table coefficients(OlsResults fit, Table data) {
    return coefficients(fit, data, Study.paper());
  }

  /** {@link #coefficients(OlsResults, Table)} with the models in {@code study}'s order. */
  public static Table coefficients(OlsResults fit, Table data, Study study) {
    Map<String, String> levelOf = new HashMap<>();
    Set<String> relevant = new HashSet<>();
    for (int i = 0; i < data.rowCount(); i++) {
      levelOf.put(data.getString(i, "gt_group"), data.getString(i, "level"));
      relevant.add(data.getString(i, "gt_group") + "|" + data.getString(i, "language"));
    }
    Table c = fit.coefTable();
    StringColumn g = StringColumn.create("gt_group"), lv = StringColumn.create("level"), m = StringColumn.create("model_name"),
        l = StringColumn.create("language");
    DoubleColumn co = DoubleColumn.create("coefficient"), lo = DoubleColumn.create("conf_int_lower"), hi = DoubleColumn.create("conf_int_upper");
    java.util.List<Integer> keep = new java.util.ArrayList<>();
    java.util.List<String[]> parts = new java.util.ArrayList<>();
    for (int i = 0; i < c.rowCount(); i++) {
      String name = c.getString(i, "name");
      Matcher mm = MODEL.matcher(name), gm = GROUP.matcher(name), lm = LANG.matcher(name);
      if (!mm.find() || !gm.find() || !lm.find()) continue;
      if (!relevant.contains(gm.group(1) + "|" + lm.group(1)) || !levelOf.containsKey(gm.group(1))) continue;
      keep.add(i);
      parts.add(new String[] {gm.group(1), mm.group(1), lm.group(1)});
    }
    java.util.List<Integer> order = new java.util.ArrayList<>();
    for (int k = 0; k < keep.size(); k++) order.add(k);
    order.sort(java.util.Comparator.comparingInt(k -> study.modelOrder(parts.get(k)[1])));
    for (int k : order) {
      int i = keep.get(k);
      String[] p = parts.get(k);
      g.append(p[0]);
      lv.append(levelOf.get(p[0]));
      m.append(p[1]);
      l.append(p[2]);
      co.append(c.doubleColumn("coef").getDouble(i));
      lo.append(c.doubleColumn("ci_lower").getDouble(i));
      hi.append(c.doubleColumn("ci_upper").getDouble(i));
    }
    return Table.create("language_breakdown_coefficients", g, lv, m, l, co, lo, hi);
  }
}
