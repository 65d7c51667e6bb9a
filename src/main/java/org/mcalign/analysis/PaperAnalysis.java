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
      Map<String, Double> cpuSeconds,
      Map<String, String> skipped,
      String coverage) {

    /** A run where nothing was skipped. */
    public Result(long seed, AnalysisSettings settings, Table responsesWithBaselines, Table totalGtAlignment, Map<String, Table> tables,
        Map<String, RegressionResults> regressions, Map<String, Double> seconds, Map<String, Double> cpuSeconds) {
      this(seed, settings, responsesWithBaselines, totalGtAlignment, tables, regressions, seconds, cpuSeconds, Map.of(), "");
    }

    public Table table(String name) {
      Table t = tables.get(name);
      if (t == null) {
        String why = skipped.get(name);
        throw new IllegalArgumentException(why != null ? "needs " + name + ", which was skipped (see its reason)"
            : "no table '" + name + "'; have " + tables.keySet());
      }
      return t;
    }

    /** The regression {@code name}; an error naming why it is missing when it was skipped. */
    public RegressionResults regression(String name) {
      RegressionResults f = regressions.get(name);
      if (f == null) {
        String why = skipped.get(name);
        throw new IllegalArgumentException(why != null ? "needs " + name + ", which was skipped (see its reason)"
            : "no regression '" + name + "'");
      }
      return f;
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

  /**
   * Sees each table and regression of a run as soon as it is made (the run's own threads call it),
   * so that its file can be written while the rest runs. What it is given is final: the run never
   * changes a table or regression after handing it over.
   */
  public interface Sink {
    void table(String name, Table table);

    void regression(String name, RegressionResults fit);

    /**
     * Called once every table and regression of the {@link Scope#CORE} parts is made (with a
     * result holding those), before the parts only {@link Scope#ALL} runs: what the paper's
     * figures draw exists from here on.
     */
    default void coreDone(Result core) {}

    /** CPU nanoseconds the sink's own threads used so far, left out of the parts' CPU times. */
    default long cpuNanos() {
      return 0;
    }

    Sink NONE = new Sink() {
      @Override
      public void table(String name, Table table) {}

      @Override
      public void regression(String name, RegressionResults fit) {}
    };
  }

  public static Result run(AnalysisInputs in, AnalysisSettings s, long seed, Scope scope) {
    return run(in, s, seed, scope, Sink.NONE);
  }

  /** As {@link #run(AnalysisInputs, AnalysisSettings, long, Scope)}, handing every table and regression to {@code sink} as it is made. */
  public static Result run(AnalysisInputs in, AnalysisSettings s, long seed, Scope scope, Sink sink) {
    Map<String, Table> tables = new Made<>(sink::table);
    Map<String, RegressionResults> regs = new Made<>(sink::regression);
    Map<String, Double> secs = new LinkedHashMap<>();
    Map<String, Double> cpu = new LinkedHashMap<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    // scores of some of the study's models or languages: a part that cannot be computed from them is skipped and said
    Parts p = new Parts(coverage(in), skipped);
    CPU.set(cpu);
    SINK_CPU.set(sink::cpuNanos);
    Table responses = timed(secs, "baselines", () -> Baselines.withBaselines(in.responses(), s, partSeed(seed, "baselines")));

    int n = s.totalGtRounds();
    // the joined tables and groups of the three levels, for the three metrics' runs
    TotalGroundTruthAlignment.Levels levels = timed(secs, "total_gt_alignment (spearman, 3 levels)",
        () -> TotalGroundTruthAlignment.levels(in, responses));
    Table total = timed(secs, "total_gt_alignment (spearman, 3 levels)", () -> TotalGroundTruthAlignment.run(
        levels, Metric.SPEARMAN, n, partSeed(seed, "total_gt_alignment"), s).table());
    tables.put(TotalGroundTruthAlignment.fileName(Metric.SPEARMAN, n), total);

    Table benchmarks = MultilingualRegression.benchmarks(in);
    p.part(List.of("rq1_regression_input.csv"), () ->
        tables.put("rq1_regression_input.csv", timed(secs, "rq1 data", () -> MultilingualRegression.regressionData(total, benchmarks, in.study()))));
    for (String type : MultilingualRegression.FORMULAS.keySet()) {
      p.part(List.of("rq1_mixedlm_" + type, "multilingual_coefficients_" + type + ".csv"), () -> timed(secs, "rq1 mixed models (3)", () -> {
        RegressionResults fit = MultilingualRegression.fit(table(tables, skipped, "rq1_regression_input.csv"), type);
        regs.put("rq1_mixedlm_" + type, fit);
        tables.put("multilingual_coefficients_" + type + ".csv", MultilingualRegression.multilingualCoefficients(fit, type));
        return null;
      }));
    }
    p.part(List.of("adjusted_alignments.csv"), () -> tables.put("adjusted_alignments.csv", timed(secs,
        "rq1 adjusted alignments (" + s.adjustedRounds() + " OLS)", () -> MultilingualRegression.adjustedAlignments(
            table(tables, skipped, "rq1_regression_input.csv"), "interaction", s.adjustedRounds(), partSeed(seed, "adjusted"), s).table())));
    p.part(List.of("benchmark_alignment.csv"), () -> tables.put("benchmark_alignment.csv", MultilingualRegression.scatterData(
        table(tables, skipped, "adjusted_alignments.csv"), benchmarks, table(tables, skipped, "multilingual_coefficients_interaction.csv"),
        in.study())));
    Table leftOut = MultilingualRegression.leftOut(total, benchmarks, in.study());
    if (leftOut.rowCount() > 0) tables.put("rq1_left_out.csv", leftOut); // said, never dropped silently

    p.part(List.of("rq2_regression_input.csv", "rq2_ols_us_bias", "us_bias_coefficients.csv"), () -> {
      Table rq2 = timed(secs, "rq2 data", () -> UsCentricBias.usData(total, in));
      OlsResults rq2Fit = timed(secs, "rq2 ols", () -> UsCentricBias.fit(rq2));
      Table coef = UsCentricBias.biasCoefficients(rq2Fit, in.study());
      tables.put("rq2_regression_input.csv", rq2);
      regs.put("rq2_ols_us_bias", rq2Fit);
      tables.put("us_bias_coefficients.csv", coef);
    });
    p.part(List.of("country_correlations_with_us.csv"), () ->
        tables.put("country_correlations_with_us.csv", UsCentricBias.countryCorrelationTable(in)));

    p.part(List.of("language_breakdown_ols", "language_breakdown_coefficients.csv"), () -> {
      Table lb = LanguageBreakdown.data(total, in);
      OlsResults lbFit = timed(secs, "language breakdown ols", () -> LanguageBreakdown.fit(lb));
      Table coef = LanguageBreakdown.coefficients(lbFit, lb, in.study());
      regs.put("language_breakdown_ols", lbFit);
      tables.put("language_breakdown_coefficients.csv", coef);
    });

    p.part(List.of("model_self_consistency.csv"), () -> tables.put("model_self_consistency.csv", timed(secs,
        "self-consistency (" + s.consistencyRounds() + " rounds)",
        () -> SelfConsistency.perModelLanguage(in.responses(), s, partSeed(seed, "self_consistency"), in.study()).table())));
    p.part(List.of("cross_effects.csv"), () -> tables.put("cross_effects.csv", timed(secs, "cross effects (" + s.crossEffectsRounds()
        + " rounds)", () -> SelfConsistency.crossEffects(in.responses(), s, partSeed(seed, "cross_effects"), in.study()).table())));

    sink.coreDone(new Result(seed, s, responses, total, new LinkedHashMap<>(tables), new LinkedHashMap<>(regs), Map.copyOf(secs),
        Map.copyOf(cpu), new LinkedHashMap<>(skipped), p.coverage));
    if (scope == Scope.ALL) {
      java.util.function.Consumer<Metric> totalAlignment = m -> tables.put(TotalGroundTruthAlignment.fileName(m, n), timed(secs,
          "total_gt_alignment (" + m.id() + ", 3 levels)", () -> TotalGroundTruthAlignment.run(
              levels, m, n, partSeed(seed, "total_gt_alignment_" + m.id()), s).table()));
      java.util.function.Consumer<String> hypothesis = h -> {
        String file = Hypotheses.fileName(h, Metric.MEAN_ALIGNMENT, s.hypothesisRounds());
        p.part(List.of(file), () -> tables.put(file, timed(secs, h + " (" + s.hypothesisRounds() + " rounds)",
            () -> Hypotheses.run(h, in, responses, Metric.MEAN_ALIGNMENT, s, partSeed(seed, h)).table())));
      };
      // largest tables first, so that each is written while later parts run rather than after the
      // last one (seeds come from the parts' names: the order changes no number)
      hypothesis.accept("extreme_relative_all_combinations");
      hypothesis.accept("cross_linguistic_cultural_transfer");
      totalAlignment.accept(Metric.MEAN_ALIGNMENT);
      totalAlignment.accept(Metric.PEARSON);
      hypothesis.accept("extreme_absolute_performance");
      hypothesis.accept("monocultural_alignment");
      hypothesis.accept("english_language_alignment");
      int dr = s.hypothesisRounds();
      tables.put(Demographic.fileName(Metric.SPEARMAN, dr), timed(secs, "demographic (" + dr + " rounds)", () ->
          Demographic.run(in.demographicResults(), Metric.SPEARMAN, dr, partSeed(seed, "demographic"), s).table()));
    }
    CPU.remove();
    SINK_CPU.remove();
    return new Result(seed, s, responses, total, new LinkedHashMap<>(tables), new LinkedHashMap<>(regs), secs, cpu, skipped, p.coverage);
  }

  /**
   * What the scores lack of the study: "" when they hold every declared model and language, else
   * e.g. "scores of 1 of 9 models (gemma-2-27b-it), 2 of 4 languages (en, da)".
   */
  public static String coverage(AnalysisInputs in) {
    java.util.Set<String> models = new java.util.TreeSet<>(in.responses().stringColumn("model_name").unique().asList());
    java.util.Set<String> langs = new java.util.TreeSet<>(in.responses().stringColumn("language").unique().asList());
    List<String> studyModels = in.study().modelNames(), studyLangs = in.study().languageCodes();
    List<String> parts = new java.util.ArrayList<>();
    if (!models.containsAll(studyModels))
      parts.add(models.size() + " of " + studyModels.size() + " models (" + String.join(", ", models) + ")");
    if (!langs.containsAll(studyLangs))
      parts.add(langs.size() + " of " + studyLangs.size() + " languages (" + String.join(", ", langs) + ")");
    return parts.isEmpty() ? "" : "scores of " + String.join(", ", parts);
  }

  private static Table table(Map<String, Table> tables, Map<String, String> skipped, String name) {
    Table t = tables.get(name);
    if (t != null) return t;
    throw new IllegalArgumentException("needs " + name + (skipped.containsKey(name) ? ", which was skipped (see its reason)" : ", not computed"));
  }

  /**
   * Runs parts of an analysis; on scores of part of the study ({@code coverage} not empty) a part
   * that fails is recorded as skipped (its outputs and the reason) instead of ending the run.
   */
  static final class Parts {
    final String coverage;
    final Map<String, String> skipped;

    Parts(String coverage, Map<String, String> skipped) {
      this.coverage = coverage;
      this.skipped = skipped;
    }

    /** Whether a part that fails may be skipped: the scores cover part of the study. */
    boolean partial() {
      return !coverage.isEmpty();
    }

    void part(List<String> outputs, Runnable body) {
      try {
        body.run();
      } catch (RuntimeException e) {
        if (coverage.isEmpty()) throw e;
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (String o : outputs) skipped.put(o, why);
      }
    }
  }

  /**
   * The run's tables or regressions in the order they were made: each is handed to the sink as it
   * is put; a name is made once (a second put would race with the writing of the first).
   */
  private static final class Made<V> extends LinkedHashMap<String, V> {
    private final java.util.function.BiConsumer<String, V> sink;

    Made(java.util.function.BiConsumer<String, V> sink) {
      this.sink = sink;
    }

    @Override
    public V put(String name, V value) {
      if (containsKey(name)) throw new IllegalStateException(name + " was made twice in one run");
      super.put(name, value);
      sink.accept(name, value);
      return null;
    }
  }

  /** Per-run map of process CPU seconds per part (parts run one after another). */
  private static final ThreadLocal<Map<String, Double>> CPU = new ThreadLocal<>();
  /** Per run, the CPU time of the threads writing its files meanwhile, which is not the parts'. */
  private static final ThreadLocal<java.util.function.LongSupplier> SINK_CPU = new ThreadLocal<>();

  static <T> T timed(Map<String, Double> secs, String what, Supplier<T> body) {
    java.util.function.LongSupplier sinkCpu = SINK_CPU.get() != null ? SINK_CPU.get() : () -> 0;
    long t0 = System.nanoTime(), c0 = processCpuNanos() - sinkCpu.getAsLong();
    T v = body.get();
    secs.merge(what, (System.nanoTime() - t0) / 1e9, Double::sum);
    Map<String, Double> cpu = CPU.get();
    if (cpu != null) cpu.merge(what, (processCpuNanos() - sinkCpu.getAsLong() - c0) / 1e9, Double::sum);
    return v;
  }

  /** CPU time of all threads of this JVM (the machine may be shared: wall time alone misleads). */
  static long processCpuNanos() {
    return org.mcalign.data.ProcessStats.cpuNanos();
  }
}
