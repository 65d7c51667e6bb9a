package org.mcalign.analysis;

import java.util.SplittableRandom;
import org.mcalign.data.Paper;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * The paper's baseline "models" ({@code generate_baseline_responses}): copies of the first
 * model's rows (first in file order) whose pro scores are replaced by random numbers. The
 * paper draws them from numpy's unseeded global generator; here they are seeded.
 */
public final class Baselines {
  private Baselines() {}

  /** Stream offset so baseline draws never coincide with bootstrap draws of the same seed. */
  private static final long BASELINE_STREAM = 0x6A09E667F3BCC908L;

  /**
   * The responses with {@code Baseline_fifty_percent} (normal, mean 0.5, sd
   * {@code settings.fiftyPercentSd()}, clipped to [0, 1]) and {@code Baseline_uniform_random}
   * (uniform on [0, 1)) appended, in the paper's order (fifty percent first).
   */
  public static Table withBaselines(Table responses, AnalysisSettings settings, long seed) {
    Table fifty = fiftyPercent(responses, settings.fiftyPercentSd(), seed);
    Table uniform = uniformRandom(responses, seed);
    return responses.copy().append(fifty).append(uniform).setName(responses.name());
  }

  public static Table fiftyPercent(Table responses, double sd, long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ BASELINE_STREAM);
    Table t = template(responses, Paper.BASELINE_FIFTY);
    DoubleColumn score = t.doubleColumn("response_pro_score");
    for (int i = 0; i < t.rowCount(); i++)
      score.set(i, Math.min(1.0, Math.max(0.0, 0.5 + sd * rng.nextGaussian())));
    return t;
  }

  public static Table uniformRandom(Table responses, long seed) {
    SplittableRandom rng = new SplittableRandom((seed ^ BASELINE_STREAM) + 1);
    Table t = template(responses, Paper.BASELINE_UNIFORM);
    DoubleColumn score = t.doubleColumn("response_pro_score");
    for (int i = 0; i < t.rowCount(); i++) score.set(i, rng.nextDouble());
    return t;
  }

  /**
   * The paper's {@code add_perfect_model}: per (question_key, gt group, response_language,
   * language) the mean ground-truth score, with the response score that mean rounded to one
   * decimal. Defined in the paper's code but not used by its published analyses.
   */
  public static Table perfect(Table resultsWithGt, String groupColumn, String gtScoreColumn) {
    Table means = resultsWithGt.summarize(gtScoreColumn, tech.tablesaw.aggregate.AggregateFunctions.mean)
        .by("question_key", groupColumn, "response_language", "language");
    DoubleColumn mean = means.doubleColumn(means.columnCount() - 1).setName(gtScoreColumn);
    DoubleColumn rounded = DoubleColumn.create("response_pro_score", mean.size());
    for (int i = 0; i < mean.size(); i++) rounded.set(i, roundHalfEven(mean.getDouble(i), 1));
    return means.addColumns(
        StringColumn.create("model_name", mean.size()).set(Selection.withRange(0, mean.size()), Paper.BASELINE_PERFECT),
        StringColumn.create("model_family", mean.size()).set(Selection.withRange(0, mean.size()), "Baseline"),
        rounded);
  }

  /** numpy's {@code round}: half to even at the given decimals. */
  static double roundHalfEven(double v, int decimals) {
    return new java.math.BigDecimal(Double.toString(v))
        .setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
  }

  private static Table template(Table responses, String name) {
    if (responses.rowCount() == 0) throw new IllegalArgumentException("no responses to build baselines from");
    String first = responses.stringColumn("model_name").get(0);
    Table t = responses.where(responses.stringColumn("model_name").isEqualTo(first));
    t.stringColumn("model_name").set(Selection.withRange(0, t.rowCount()), name);
    if (t.containsColumn("model_family"))
      t.stringColumn("model_family").set(Selection.withRange(0, t.rowCount()), "Baseline");
    return t;
  }
}
