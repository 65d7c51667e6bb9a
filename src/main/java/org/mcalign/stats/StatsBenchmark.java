package org.mcalign.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.mcalign.data.Benchmark;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code mcalign bench stats}: the statistics engine on inputs shaped like the paper's
 * (generated from the seed): an RQ2-sized OLS, the RQ1 mixed model, bootstrap OLS refits,
 * {@code fit} beside statsmodels on a grid of designs (see {@link FitVersusStatsmodels})
 * and bootstrap rounds of grouped Spearman correlations.
 */
public final class StatsBenchmark extends Benchmark.Steps {
  public StatsBenchmark() {
    super("stats");
  }

  @Override
  protected void measure(Settings settings, List<Measurement> out) throws Exception {
    long seed = settings.seed();
    boolean quick = settings.quick();

    Table rq2 = rq2Like(quick ? 4000 : 16000, seed);
    String rq2Formula = "metric_value ~ us*model_name:language";
    DesignMatrix d = DesignMatrix.build(rq2Formula, rq2);
    String shape = String.format("%,d x %d", d.nobs(), d.ncols());
    out.add(Measurement.time("OLS fit (formula + design + solve)", shape, 1, d.nobs(), "rows",
        () -> Ols.fit(rq2Formula, rq2)));

    Table rq1 = rq1Like(seed);
    String rq1Formula = "alignment ~ 0 + consistency:language + multilingual:family:language";
    out.add(Measurement.time("MixedLM REML fit (random intercept)", String.format("%,d x 16, 9 groups", rq1.rowCount()),
        1, rq1.rowCount(), "rows", () -> MixedLinearModel.fit(rq1Formula, rq1, "model_name")));

    int refits = quick ? 10 : 100;
    double[][] cols = d.columns();
    double[] y = d.response();
    int threads = Runtime.getRuntime().availableProcessors();
    out.add(Measurement.time("bootstrap OLS refits (" + threads + " threads)", refits + " x " + shape, 0, refits, "fits", () ->
        Bootstrap.of(refits, seed).threads(threads).run((round, rng) -> {
          int[] rows = Bootstrap.resampleIndices(y.length, rng);
          double[][] rc = new double[cols.length][rows.length];
          double[] ry = new double[rows.length];
          for (int i = 0; i < rows.length; i++) ry[i] = y[rows[i]];
          for (int j = 0; j < cols.length; j++) for (int i = 0; i < rows.length; i++) rc[j][i] = cols[j][rows[i]];
          return Ols.fit(d.names(), rc, ry, rq2Formula, "metric_value").paramsArray();
        })));

    // fit as a user runs it, beside statsmodels on the same file: issue 19's grid of designs
    for (FitVersusStatsmodels.Design design : FitVersusStatsmodels.grid(quick)) FitVersusStatsmodels.measure(design, seed, out);

    int rounds = quick ? 100 : 1000;
    Scored s = scoredLike(9148, seed);
    GroupIndex groups = GroupIndex.of(s.model, s.language, s.gtGroup);
    out.add(Measurement.time("bootstrap grouped Spearman (" + threads + " threads)",
        String.format("%,d rounds x %,d rows, %d groups", rounds, s.x.length, groups.groupCount()), 1, rounds, "rounds", () ->
            Bootstrap.of(rounds, seed).threads(threads).run((round, rng) ->
                groups.over(Bootstrap.resampleIndices(s.x.length, rng)).spearman(s.x, s.y))));
  }

  static final String[] MODELS = {"Baseline_uniform_random", "OLMo-2-0325-32B-Instruct", "OLMo-2-1124-13B-Instruct",
      "OLMo-2-1124-7B-Instruct", "gemma-2-27b-it", "gemma-2-2b-it", "gemma-2-9b-it", "gpt-3.5-turbo-0125",
      "gpt-4-turbo-2024-04-09", "gpt-4o"};
  static final String[] LANGS = {"da", "en", "nl", "pt"};

  /** metric_value by model × language with a boolean us effect (10 models × 4 languages). */
  static Table rq2Like(int rows, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    String[] model = new String[rows], lang = new String[rows];
    boolean[] us = new boolean[rows];
    double[] v = new double[rows];
    for (int i = 0; i < rows; i++) {
      int m = i % MODELS.length, l = (i / MODELS.length) % LANGS.length;
      model[i] = MODELS[m];
      lang[i] = LANGS[l];
      us[i] = rng.nextInt(4) == 0;
      v[i] = 0.05 * m + 0.02 * l + (us[i] ? 0.03 : 0) + 0.1 * rng.nextGaussian();
    }
    return Table.create("rq2-like", StringColumn.create("model_name", model), StringColumn.create("language", lang),
        BooleanColumn.create("us", us), DoubleColumn.create("metric_value", v));
  }

  /**
   * The RQ1 regression input: the golden fixture with its alignment perturbed when it is at
   * hand (../shared/goldens), otherwise a generated table of the same shape (9 models in 3
   * families × 4 languages × 100 rounds).
   */
  static Table rq1Like(long seed) throws Exception {
    SplittableRandom rng = new SplittableRandom(seed);
    Path golden = Path.of("..", "shared", "goldens", "rq1_regression_input.csv");
    if (Files.isRegularFile(golden)) {
      Table t = org.mcalign.data.CsvIn.read(golden);
      DoubleColumn a = t.doubleColumn("alignment");
      for (int i = 0; i < a.size(); i++) a.set(i, a.getDouble(i) + 0.01 * rng.nextGaussian());
      return t;
    }
    String[] fam = {"gemma", "olmo", "openai"};
    String[] lang = {"Danish", "Dutch", "English", "Portuguese"};
    int n = 9 * 4 * 100;
    String[] model = new String[n], family = new String[n], language = new String[n];
    double[] align = new double[n], cons = new double[n], multi = new double[n];
    int i = 0;
    for (int m = 0; m < 9; m++) {
      double u = 0.2 * rng.nextGaussian();
      for (int l = 0; l < 4; l++) {
        double ml = 0.3 + 0.1 * rng.nextDouble();
        for (int r = 0; r < 100; r++, i++) {
          model[i] = fam[m / 3] + "-" + m;
          family[i] = fam[m / 3];
          language[i] = lang[l];
          cons[i] = 0.5 + 0.05 * rng.nextGaussian();
          multi[i] = ml;
          align[i] = 0.5 * cons[i] + 0.4 * ml + u + 0.06 * rng.nextGaussian();
        }
      }
    }
    return Table.create("rq1-like", StringColumn.create("model_name", model), StringColumn.create("family", family),
        StringColumn.create("language", language), DoubleColumn.create("alignment", align),
        DoubleColumn.create("consistency", cons), DoubleColumn.create("multilingual", multi));
  }

  record Scored(String[] model, String[] language, String[] gtGroup, double[] x, double[] y) {}

  /** Scored responses joined to ground truth: 9 models × 4 languages × 4 ground-truth groups. */
  static Scored scoredLike(int rows, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    String[] model = new String[rows], lang = new String[rows], gt = new String[rows];
    double[] x = new double[rows], y = new double[rows];
    for (int i = 0; i < rows; i++) {
      model[i] = MODELS[1 + rng.nextInt(9)];
      lang[i] = LANGS[rng.nextInt(4)];
      gt[i] = "gt" + rng.nextInt(4);
      y[i] = rng.nextDouble();
      x[i] = Math.min(1, Math.max(0, y[i] + 0.3 * rng.nextGaussian()));
      if (rng.nextInt(3) == 0) x[i] = Math.round(x[i] * 4) / 4.0; // ties, as scored responses have
    }
    return new Scored(model, lang, gt, x, y);
  }
}
