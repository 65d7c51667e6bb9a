package org.mcalign.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.columns.Column;
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
}
