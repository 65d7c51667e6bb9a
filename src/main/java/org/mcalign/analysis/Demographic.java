package org.mcalign.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The demographic-prompting analysis ({@code analyze_demographic}): on
 * {@code demographic-gemma-results.csv}, the total-ground-truth procedure with groups
 * (model_name, gt_group = "country", response_language, is_congruent) and consistency per
 * (language, model) on the same resample. The paper ran it with 1,000 rounds (Spearman).
 */
public final class Demographic {
  private Demographic() {}

  public static String fileName(Metric metric, int rounds) {
    return metric.id() + "_n" + rounds + "_demographic_analysis.csv";
  }

  public static AnalysisResult run(Table results, Metric metric, int rounds, long seed, AnalysisSettings s) {
    int n = results.rowCount();
    Column<?> congruent = results.column("is_congruent");
    JoinedScores j = JoinedScores.ofRows(n, i -> new String[] {
            results.getString(i, "model"), results.getString(i, "language"),
            results.getString(i, "response_language"), results.getString(i, "question_key"),
            congruent.getString(i).toLowerCase()},
        results.doubleColumn("response_pro_score").asDoubleArray(),
        results.doubleColumn("ground_truth_pro_score").asDoubleArray());
    TotalGroundTruthAlignment.Plan plan = new TotalGroundTruthAlignment.Plan(j);
    List<double[][]> res = rounds == 0
        ? List.<double[][]>of(plan.round(metric, null, s.reliability(), s.consistencyPairs()))
        : Rounds.run(rounds, seed, s.threads(), (r, rng) -> plan.round(metric, rng, s.reliability(), s.consistencyPairs()));
    Table t = plan.table(res, GroundTruthType.COUNTRY, metric);
    StringColumn flag = t.stringColumn("gt_group").copy().setName("is_congruent");
    StringColumn country = StringColumn.create("gt_group", t.rowCount());
    for (int i = 0; i < t.rowCount(); i++) country.set(i, "country");
    t.replaceColumn("gt_group", country);
    t.addColumns(flag);
    Table out = t.selectColumns("model_name", "gt_group", "response_language", "is_congruent", "metric_value", "consistency", "round");
    Map<String, Object> settings = new LinkedHashMap<>(s.asMap());
    settings.put("metric", metric.id());
    settings.put("rounds", rounds);
    return new AnalysisResult("demographic", out.setName(fileName(metric, rounds)), settings, seed);
  }

  /**
   * Per (response_language, is_congruent) of a result: the mean metric and consistency over the
   * rounds with the 2.5 and 97.5 percentiles of the metric's rounds (its 95 % bootstrap
   * percentile interval), and the number of rounds.
   */
  public static Table means(Table result) {
    Map<String, List<double[]>> g = new java.util.TreeMap<>();
    for (int i = 0; i < result.rowCount(); i++)
      g.computeIfAbsent(result.getString(i, "response_language") + "|" + result.getString(i, "is_congruent"), k -> new java.util.ArrayList<>())
          .add(new double[] {result.doubleColumn("metric_value").getDouble(i), result.doubleColumn("consistency").getDouble(i)});
    StringColumn lang = StringColumn.create("response_language"), cong = StringColumn.create("is_congruent");
    DoubleColumn mean = DoubleColumn.create("metric_value mean"), lo = DoubleColumn.create("2.5 %"), hi = DoubleColumn.create("97.5 %"),
        cons = DoubleColumn.create("consistency mean");
    tech.tablesaw.api.IntColumn n = tech.tablesaw.api.IntColumn.create("rounds");
    g.forEach((k, v) -> {
      double[] m = v.stream().mapToDouble(a -> a[0]).toArray();
      lang.append(k.split("\\|")[0]);
      cong.append(k.split("\\|")[1]);
      mean.append(java.util.Arrays.stream(m).average().orElse(Double.NaN));
      lo.append(org.mcalign.stats.Bootstrap.percentile(m, 2.5));
      hi.append(org.mcalign.stats.Bootstrap.percentile(m, 97.5));
      cons.append(v.stream().mapToDouble(a -> a[1]).average().orElse(Double.NaN));
      n.append(v.size());
    });
    return Table.create(result.name() + " means", lang, cong, mean, lo, hi, cons, n);
  }
}
