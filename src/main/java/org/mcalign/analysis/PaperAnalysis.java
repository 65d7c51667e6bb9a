package org.mcalign.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mcalign.stats.OlsResults;
import org.mcalign.stats.RegressionResults;
import tech.tablesaw.api.Table;

/**
 * Stages 7–8 in one call: every table and regression of the paper from the published
 * scores, with the seed of each part derived from one master seed, and the wall time of
 * each part (for the benchmark and the provenance).
 */
public final class PaperAnalysis {
  private PaperAnalysis() {}

  /** What one full run produced. {@code tables} are keyed by output file name. */
  public record Result(
      long seed,
      AnalysisSettings settings,
      Table responsesWithBaselines,
      Table totalGtAlignment,
      Map<String, Table> tables,
      Map<String, RegressionResults> regressions,
      Map<String, Double> seconds,
      Map<String, Double> cpuSeconds) {

    public Table table(String name) {
      Table t = tables.get(name);
      if (t == null) throw new IllegalArgumentException("no table '" + name + "'; have " + tables.keySet());
      return t;
    }
  }

  /** Which parts to run: {@code all}, or the RQ core only (alignment, RQ1, RQ2, breakdown). */
  public enum Scope { ALL, CORE }

  /** Seed of a named part: the master seed mixed with the part's name. */
  public static long partSeed(long seed, String part) {
    long h = 1125899906842597L;
    for (char c : part.toCharArray()) h = 31 * h + c;
    return seed ^ h;
  }

  public static Result run(AnalysisInputs in, AnalysisSettings s, long seed, Scope scope) {
    Map<String, Table> tables = new LinkedHashMap<>();
    Map<String, RegressionResults> regs = new LinkedHashMap<>();
    Map<String, Double> secs = new LinkedHashMap<>();
    Map<String, Double> cpu = new LinkedHashMap<>();
    CPU.set(cpu);
    Table responses = timed(secs, "baselines", () -> Baselines.withBaselines(in.responses(), s, partSeed(seed, "baselines")));

    int n = s.totalGtRounds();
    Table total = timed(secs, "total_gt_alignment (spearman, 3 levels)", () -> TotalGroundTruthAlignment.run(
        in, responses, Metric.SPEARMAN, n, partSeed(seed, "total_gt_alignment"), s).table());
    tables.put(TotalGroundTruthAlignment.fileName(Metric.SPEARMAN, n), total);

    Table benchmarks = MultilingualRegression.benchmarks(in);
    Table rq1 = timed(secs, "rq1 data", () -> MultilingualRegression.regressionData(total, benchmarks, in.study()));
    tables.put("rq1_regression_input.csv", rq1);
    timed(secs, "rq1 mixed models (3)", () -> {
      for (String type : MultilingualRegression.FORMULAS.keySet()) {
        RegressionResults fit = MultilingualRegression.fit(rq1, type);
        regs.put("rq1_mixedlm_" + type, fit);
        tables.put("multilingual_coefficients_" + type + ".csv", MultilingualRegression.multilingualCoefficients(fit, type));
      }
      return null;
    });
    Table adjusted = timed(secs, "rq1 adjusted alignments (" + s.adjustedRounds() + " OLS)", () ->
        MultilingualRegression.adjustedAlignments(rq1, "interaction", s.adjustedRounds(), partSeed(seed, "adjusted"), s).table());
    tables.put("adjusted_alignments.csv", adjusted);
    tables.put("benchmark_alignment.csv", MultilingualRegression.scatterData(adjusted, benchmarks,
        tables.get("multilingual_coefficients_interaction.csv"), in.study()));
    Table leftOut = MultilingualRegression.leftOut(total, benchmarks, in.study());
    if (leftOut.rowCount() > 0) tables.put("rq1_left_out.csv", leftOut); // said, never dropped silently

    Table rq2 = timed(secs, "rq2 data", () -> UsCentricBias.usData(total, in));
    tables.put("rq2_regression_input.csv", rq2);
    OlsResults rq2Fit = timed(secs, "rq2 ols", () -> UsCentricBias.fit(rq2));
    regs.put("rq2_ols_us_bias", rq2Fit);
    tables.put("us_bias_coefficients.csv", UsCentricBias.biasCoefficients(rq2Fit, in.study()));
    tables.put("country_correlations_with_us.csv", UsCentricBias.countryCorrelationTable(in));

    Table lb = LanguageBreakdown.data(total, in);
    OlsResults lbFit = timed(secs, "language breakdown ols", () -> LanguageBreakdown.fit(lb));
    regs.put("language_breakdown_ols", lbFit);
    tables.put("language_breakdown_coefficients.csv", LanguageBreakdown.coefficients(lbFit, lb, in.study()));

    tables.put("model_self_consistency.csv", timed(secs, "self-consistency (" + s.consistencyRounds() + " rounds)",
        () -> SelfConsistency.perModelLanguage(in.responses(), s, partSeed(seed, "self_consistency"), in.study()).table()));
    tables.put("cross_effects.csv", timed(secs, "cross effects (" + s.crossEffectsRounds() + " rounds)",
        () -> SelfConsistency.crossEffects(in.responses(), s, partSeed(seed, "cross_effects"), in.study()).table()));

    if (scope == Scope.ALL) {
      for (Metric m : List.of(Metric.MEAN_ALIGNMENT, Metric.PEARSON)) {
        Table t = timed(secs, "total_gt_alignment (" + m.id() + ", 3 levels)", () -> TotalGroundTruthAlignment.run(
            in, responses, m, n, partSeed(seed, "total_gt_alignment_" + m.id()), s).table());
        tables.put(TotalGroundTruthAlignment.fileName(m, n), t);
      }
      for (String h : List.of("english_language_alignment", "cross_linguistic_cultural_transfer",
          "monocultural_alignment", "extreme_absolute_performance", "extreme_relative_all_combinations")) {
        Table t = timed(secs, h + " (" + s.hypothesisRounds() + " rounds)", () ->
            Hypotheses.run(h, in, responses, Metric.MEAN_ALIGNMENT, s, partSeed(seed, h)).table());
        tables.put(Hypotheses.fileName(h, Metric.MEAN_ALIGNMENT, s.hypothesisRounds()), t);
      }
      int dr = s.hypothesisRounds();
      tables.put(Demographic.fileName(Metric.SPEARMAN, dr), timed(secs, "demographic (" + dr + " rounds)", () ->
          Demographic.run(in.demographicResults(), Metric.SPEARMAN, dr, partSeed(seed, "demographic"), s).table()));
    }
    CPU.remove();
    return new Result(seed, s, responses, total, tables, regs, secs, cpu);
  }

  /** Per-run map of process CPU seconds per part (parts run one after another). */
  private static final ThreadLocal<Map<String, Double>> CPU = new ThreadLocal<>();

  static <T> T timed(Map<String, Double> secs, String what, Supplier<T> body) {
    long t0 = System.nanoTime(), c0 = processCpuNanos();
    T v = body.get();
    secs.merge(what, (System.nanoTime() - t0) / 1e9, Double::sum);
    Map<String, Double> cpu = CPU.get();
    if (cpu != null) cpu.merge(what, (processCpuNanos() - c0) / 1e9, Double::sum);
    return v;
  }

  /** CPU time of all threads of this JVM (the machine may be shared: wall time alone misleads). */
  static long processCpuNanos() {
    return org.mcalign.data.ProcessStats.cpuNanos();
  }
}
