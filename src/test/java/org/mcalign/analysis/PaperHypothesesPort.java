package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import tech.tablesaw.api.Table;

/**
 * A test-side port of the analyses of the paper's {@code scripts/analyse_hypotheses.py}
 * (commit f550348) with the resampling taken out: each function follows the paper's pandas
 * and polars code step by step (filters, {@code merge} with its suffix rules, {@code groupby},
 * the metric), over plain rows, with commons-math's correlations. It shares no code with
 * {@link Hypotheses}, {@link GroupedPairs}, {@link MetricGroup} or the stats package, so the
 * two can be compared group by group.
 */
final class PaperHypothesesPort {
  private PaperHypothesesPort() {}

  /** A data frame: rows of column → value (String or Double). */
  static final class Frame {
    final List<String> columns;
    final List<Map<String, Object>> rows = new ArrayList<>();

    Frame(List<String> columns) {
      this.columns = List.copyOf(columns);
    }

    static Frame of(Table t) {
      Frame f = new Frame(t.columnNames());
      for (int i = 0; i < t.rowCount(); i++) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (String c : t.columnNames()) {
          Object v = t.column(c).get(i);
          r.put(c, v instanceof Number n ? (Object) n.doubleValue() : v instanceof Boolean b ? b.toString() : String.valueOf(v));
        }
        f.rows.add(r);
      }
      return f;
    }

    Frame where(Predicate<Map<String, Object>> keep) {
      Frame f = new Frame(columns);
      for (Map<String, Object> r : rows) if (keep.test(r)) f.rows.add(r);
      return f;
    }

    Frame drop(String... cols) {
      List<String> c = new ArrayList<>(columns);
      c.removeAll(List.of(cols));
      Frame f = new Frame(c);
      for (Map<String, Object> r : rows) {
        Map<String, Object> m = new LinkedHashMap<>(r);
        for (String x : cols) m.remove(x);
        f.rows.add(m);
      }
      return f;
    }

    Frame rename(String from, String to) {
      List<String> c = new ArrayList<>(columns);
      c.set(c.indexOf(from), to);
      Frame f = new Frame(c);
      for (Map<String, Object> r : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        r.forEach((k, v) -> m.put(k.equals(from) ? to : k, v));
        f.rows.add(m);
      }
      return f;
    }

    Frame assign(String col, Object value) {
      List<String> c = new ArrayList<>(columns);
      if (!c.contains(col)) c.add(col);
      Frame f = new Frame(c);
      for (Map<String, Object> r : rows) {
        Map<String, Object> m = new LinkedHashMap<>(r);
        m.put(col, value);
        f.rows.add(m);
      }
      return f;
    }

    Frame concat(Frame other) {
      Frame f = new Frame(columns);
      f.rows.addAll(rows);
      f.rows.addAll(other.rows);
      return f;
    }

    /** pandas' inner {@code merge(on=...)}: other shared columns get the suffixes. */
    Frame merge(Frame right, List<String> on, String sx, String sy) {
      Set<String> shared = new LinkedHashSet<>(columns);
      shared.retainAll(right.columns);
      shared.removeAll(on);
      List<String> cols = new ArrayList<>(on);
      for (String c : columns) if (!on.contains(c)) cols.add(shared.contains(c) ? c + sx : c);
      for (String c : right.columns) if (!on.contains(c)) cols.add(shared.contains(c) ? c + sy : c);
      Frame f = new Frame(cols);
      Map<List<Object>, List<Map<String, Object>>> index = new java.util.HashMap<>();
      for (Map<String, Object> r : right.rows) index.computeIfAbsent(on.stream().map(r::get).toList(), k -> new ArrayList<>()).add(r);
      for (Map<String, Object> l : rows)
        for (Map<String, Object> r : index.getOrDefault(on.stream().map(l::get).toList(), List.of())) {
          Map<String, Object> m = new LinkedHashMap<>();
          for (String k : on) m.put(k, l.get(k));
          l.forEach((k, v) -> { if (!on.contains(k)) m.put(shared.contains(k) ? k + sx : k, v); });
          r.forEach((k, v) -> { if (!on.contains(k)) m.put(shared.contains(k) ? k + sy : k, v); });
          f.rows.add(m);
        }
      return f;
    }

    /** {@code groupby(by).apply(metric(x, y))}: group key → value. */
    Map<List<String>, Double> groupMetric(List<String> by, String x, String y, Metric metric) {
      Map<List<String>, List<double[]>> groups = new LinkedHashMap<>();
      for (Map<String, Object> r : rows) {
        List<String> key = by.stream().map(c -> (String) r.get(c)).toList();
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {(Double) r.get(x), (Double) r.get(y)});
      }
      Map<List<String>, Double> out = new LinkedHashMap<>();
      groups.forEach((k, pairs) -> out.put(k, metric(metric, pairs)));
      return out;
    }
  }

  /** scipy's {@code spearmanr}/{@code pearsonr} statistic (NaN below 2 pairs or for a constant side), or mean alignment. */
  static double metric(Metric m, List<double[]> pairs) {
    double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray(), y = pairs.stream().mapToDouble(p -> p[1]).toArray();
    if (m == Metric.MEAN_ALIGNMENT) return 1 - Arrays.stream(pairs.toArray(double[][]::new)).mapToDouble(p -> Math.abs(p[0] - p[1])).average().orElse(Double.NaN);
    if (x.length < 2 || constant(x) || constant(y)) return Double.NaN;
    return m == Metric.SPEARMAN ? new SpearmansCorrelation().correlation(x, y) : new PearsonsCorrelation().correlation(x, y);
  }

  private static boolean constant(double[] v) {
    return Arrays.stream(v).allMatch(d -> d == v[0]);
  }

  /** The paper's {@code COUNTRY_LANG_MAP} (constants.py). */
  static final Map<String, String> COUNTRY_LANG_MAP = Map.ofEntries(
      Map.entry("US", "en"), Map.entry("DK", "da"), Map.entry("NL", "nl"), Map.entry("BR", "pt"), Map.entry("NZ", "en"),
      Map.entry("PT", "pt"), Map.entry("CA", "en"), Map.entry("AU", "en"), Map.entry("GB", "en"), Map.entry("KE", "en"),
      Map.entry("ZW", "en"));

  static final String X = "response_pro_score", Y = "ground_truth_pro_score";
  static final List<String> MODEL_LANG_COUNTRY = List.of("model_name", "response_language", "cntry_an");

  /** {@code load_results}: the scored responses' columns the analyses read ({@code usecols}). */
  static Frame results(Table responses) {
    Frame f = Frame.of(responses);
    List<String> keep = List.of("language", "response_pro_score", "response_language", "model_name", "question_key", "model_family", "template_type");
    return f.drop(f.columns.stream().filter(c -> !keep.contains(c)).toArray(String[]::new));
  }

  /** {@code load_ground_truth}: ground_truth_all_countries.csv with pro_score renamed. */
  static Frame groundTruth(Table allCountries) {
    return Frame.of(allCountries).rename("pro_score", Y);
  }

  /** {@code analyze_american_superiority_bias}: key (model_name, cntry_an). */
  static Map<List<String>, Double> englishLanguageAlignment(Frame results, Frame gt, Metric m) {
    Frame er = results.where(r -> r.get("language").equals("en")).drop("language");
    Frame eg = gt.where(r -> r.get("language").equals("en")).drop("language");
    return er.merge(eg, List.of("question_key"), "_response", "_ground_truth").groupMetric(List.of("model_name", "cntry_an"), X, Y, m);
  }

  /**
   * {@code analyze_cross_linguistic_transfer}: key (model_name, cntry_an, language_x,
   * language_y), value {Native Alignment, US Alignment}.
   */
  static Map<List<String>, double[]> crossLinguisticTransfer(Frame results, Frame gt, Metric m) {
    Frame nonAmerican = results.where(r -> r.get("language").equals(r.get("response_language")));
    Frame nonAmericanGt = nonAmerican.merge(gt, List.of("question_key", "language"), "_response", "_ground_truth");
    Frame americanGt = gt.where(r -> r.get("cntry_an").equals("US")).drop("language", "cntry_an").rename(Y, "american_pro_score");
    nonAmericanGt = nonAmericanGt.merge(americanGt, List.of("question_key"), "_native", "_american")
        .where(r -> !r.get("cntry_an").equals("US"));
    List<String> by = List.of("model_name", "cntry_an", "language");
    Map<List<String>, Double> nat = nonAmericanGt.groupMetric(by, X, Y, m);
    Map<List<String>, Double> us = nonAmericanGt.groupMetric(by, X, "american_pro_score", m);
    Map<List<String>, double[]> out = new LinkedHashMap<>();
    nat.forEach((a, va) -> us.forEach((b, vb) -> {
      if (a.get(0).equals(b.get(0)) && a.get(1).equals(b.get(1))) out.put(List.of(a.get(0), a.get(1), a.get(2), b.get(2)), new double[] {va, vb});
    }));
    return out;
  }

  /** {@code analyze_monocultural_alignment}: key (model_name, response_language ∈ {English, Native}, cntry_an). */
  static Map<List<String>, Double> monoculturalAlignment(Frame results, Frame gt, Metric m) {
    Set<String> englishSpeaking = new LinkedHashSet<>();
    COUNTRY_LANG_MAP.forEach((c, l) -> { if (l.equals("en")) englishSpeaking.add(c); });
    Frame english = results.where(r -> r.get("language").equals("en"))
        .merge(gt.where(r -> !englishSpeaking.contains(r.get("cntry_an"))), List.of("question_key"), "_response", "_ground_truth")
        .drop("language_ground_truth").rename("language_response", "language").assign("response_language", "English");
    Frame nativeGt = results.where(r -> !r.get("language").equals("en") && r.get("language").equals(r.get("response_language")))
        .merge(gt, List.of("question_key", "language"), "_response", "_ground_truth").assign("response_language", "Native");
    return english.concat(nativeGt).groupMetric(MODEL_LANG_COUNTRY, X, Y, m);
  }

  /** {@code analyze_absolute_performance}: key (model_name, response_language, cntry_an). */
  static Map<List<String>, Double> absolutePerformance(Frame results, Frame gt, Metric m) {
    return results.merge(gt, List.of("question_key", "language"), "_response", "_ground_truth").groupMetric(MODEL_LANG_COUNTRY, X, Y, m);
  }

  /** {@code analyze_relative_performance}: the same join as absolute performance, minus the uniform baseline. */
  static Map<List<String>, Double> relativePerformance(Frame results, Frame gt, Metric m) {
    return relative(results.merge(gt, List.of("question_key", "language"), "_response", "_ground_truth"), m);
  }

  /**
   * {@code analyze_relative_performance_all_combinations}: an outer merge on the question
   * then {@code dropna()}, i.e. the inner merge without rows holding a missing value.
   */
  static Map<List<String>, Double> relativeAllCombinations(Frame results, Frame gt, Metric m) {
    Frame joined = results.merge(gt, List.of("question_key"), "_response", "_ground_truth")
        .where(r -> r.values().stream().noneMatch(v -> v == null || (v instanceof Double d && d.isNaN())));
    return relative(joined, m);
  }

  private static Map<List<String>, Double> relative(Frame joined, Metric m) {
    Map<List<String>, Double> base = joined.where(r -> r.get("model_name").equals("Baseline_uniform_random")).groupMetric(MODEL_LANG_COUNTRY, X, Y, m);
    Map<List<String>, Double> normal = joined.where(r -> !r.get("model_name").equals("Baseline_uniform_random")).groupMetric(MODEL_LANG_COUNTRY, X, Y, m);
    Map<List<String>, Double> out = new LinkedHashMap<>();
    normal.forEach((k, v) -> {
      Double b = base.get(List.of("Baseline_uniform_random", k.get(1), k.get(2))); // left merge on (cntry_an, response_language)
      out.put(k, b == null ? Double.NaN : v - b);
    });
    return out;
  }

  /**
   * {@code analyze_demographic} on one resample given as multiplicities per row ({@code w}
   * all ones: no resampling): the rows are repeated, numbered ({@code with_row_index}), the
   * metric taken per (model_name, "country", response_language, is_congruent) and the
   * consistency per (language, model_name) over the self-join on (question_key, model_name,
   * language) without pairs of one position ({@code copiesPaired}) or of one original row;
   * joined on response_language = language. Key (model_name, response_language,
   * is_congruent), value {metric, consistency}.
   */
  static Map<List<String>, double[]> demographic(Table results, int[] w, Metric m, double reliability, boolean copiesPaired) {
    Frame all = Frame.of(results).rename("model", "model_name").assign("gt_group", "country");
    List<Map<String, Object>> sampled = new ArrayList<>();
    List<Integer> origin = new ArrayList<>();
    for (int i = 0; i < all.rows.size(); i++)
      for (int k = 0; k < w[i]; k++) { sampled.add(all.rows.get(i)); origin.add(i); }
    Frame s = new Frame(all.columns);
    s.rows.addAll(sampled);
    Map<List<String>, Double> metric = s.groupMetric(List.of("model_name", "response_language", "is_congruent"), X, Y, m);
    Map<List<String>, List<double[]>> pairs = new LinkedHashMap<>();
    for (int a = 0; a < sampled.size(); a++)
      for (int b = 0; b < sampled.size(); b++) {
        Map<String, Object> l = sampled.get(a), r = sampled.get(b);
        if (!l.get("question_key").equals(r.get("question_key")) || !l.get("model_name").equals(r.get("model_name"))
            || !l.get("language").equals(r.get("language"))) continue;
        if (copiesPaired ? a == b : origin.get(a).equals(origin.get(b))) continue;
        pairs.computeIfAbsent(List.of((String) l.get("language"), (String) l.get("model_name")), k -> new ArrayList<>())
            .add(new double[] {(Double) l.get(X), (Double) r.get(X)});
      }
    Map<List<String>, double[]> out = new LinkedHashMap<>();
    metric.forEach((k, v) -> {
      List<double[]> p = pairs.get(List.of(k.get(1), k.get(0)));
      if (p != null) out.put(k, new double[] {v, metric(Metric.SPEARMAN, p) / reliability});
    });
    return out;
  }
}
