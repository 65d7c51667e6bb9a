package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.Study;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Models' self-consistency ({@code plot_consistency.py}) and the within- minus
 * between-language consistency gap ({@code analyse_cross_effects.py}), bootstrapped.
 */
public final class SelfConsistency {
  private SelfConsistency() {}

  /** The responses the paper uses here: survey template, no baselines. */
  static Table modelResponses(Table responses) {
    Table t = responses.where(responses.stringColumn("template_type").isEqualTo("survey_hypothetical"));
    return t.where(t.stringColumn("model_family").isNotEqualTo(Study.BASELINE_FAMILY));
  }

  /**
   * Per model and language: Spearman over ordered pairs of distinct responses to the same
   * question (same language), divided by {@code 1 - error rate}; each round resamples all
   * responses with replacement, and {@link AnalysisSettings#selfConsistencyPairs()} says
   * whether a response drawn twice pairs with its own copy (the paper's figure: it does).
   * Columns language, observed_self_consistency,
   * self-consistency, model (display names, as the paper's figure), round.
   */
  public static AnalysisResult perModelLanguage(Table responses, AnalysisSettings s, long seed) {
    return perModelLanguage(responses, s, seed, Study.paper());
  }

  /** {@link #perModelLanguage(Table, AnalysisSettings, long)} with {@code study}'s model order and names. */
  public static AnalysisResult perModelLanguage(Table responses, AnalysisSettings s, long seed, Study study) {
    Table r = modelResponses(responses);
    int n = r.rowCount();
    Coded coded = Coded.of(r);
    Codes models = coded.models(), langs = coded.langs();
    int[] model = coded.model(), lang = coded.lang(), q = coded.question();
    double[] score = coded.score();
    Grouping g = Grouping.of(n, i -> Grouping.pack(model[i], lang[i], 0));
    Integer[] order = new Integer[g.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingInt((Integer k) -> study.modelOrder(models.name(Grouping.unpack(g.keys[k], 0))))
        .thenComparing(k -> langs.name(Grouping.unpack(g.keys[k], 1))));
    ConsistencyGroup[] groups = new ConsistencyGroup[order.length];
    int md = 1;
    for (int k = 0; k < order.length; k++) {
      int[] rows = g.rows[order[k]];
      Grouping cells = Grouping.of(rows.length, i -> q[rows[i]]);
      int[][] cellRows = new int[cells.size()][];
      for (int c = 0; c < cells.size(); c++) cellRows[c] = Arrays.stream(cells.rows[c]).map(i -> rows[i]).toArray();
      groups[k] = new ConsistencyGroup(cellRows, score);
      md = Math.max(md, groups[k].distinct());
    }
    final int maxDistinct = md;
    Rounds.Body<double[]> body = (round, rng) -> {
      int[] w = new int[n];
      if (rng == null) Arrays.fill(w, 1);
      else Rounds.resampleCounts(w, n, rng);
      double[] buf = new double[maxDistinct], out = new double[groups.length];
      for (int k = 0; k < groups.length; k++) out[k] = groups[k].spearman(w, buf, s.selfConsistencyPairs());
      return out;
    };
    int rounds = s.consistencyRounds();
    List<double[]> res = rounds == 0 ? List.of(body.run(0, null)) : Rounds.run(rounds, seed, s.threads(), body);
    StringColumn lc = StringColumn.create("language"), mc = StringColumn.create("model");
    DoubleColumn obs = DoubleColumn.create("observed_self_consistency"), adj = DoubleColumn.create("self-consistency");
    IntColumn rc = IntColumn.create("round");
    for (int round = 0; round < res.size(); round++)
      for (int k = 0; k < groups.length; k++) {
        double v = res.get(round)[k];
        if (Double.isNaN(v)) continue;
        long key = g.keys[order[k]];
        lc.append(study.languageName(langs.name(Grouping.unpack(key, 1))));
        mc.append(study.displayName(models.name(Grouping.unpack(key, 0))));
        obs.append(v);
        adj.append(v / s.reliability());
        rc.append(round);
      }
    Map<String, Object> settings = new LinkedHashMap<>(s.asMap());
    settings.put("rounds", rounds);
    return new AnalysisResult("self_consistency", Table.create("model_self_consistency", lc, obs, adj, mc, rc), settings, seed);
  }

  /**
   * The minimum and maximum self-consistency of the WVS countries (reference lines):
   * {@code gt_self_consistency.csv}, per country the correlation between pro scores of
   * 10-respondent subsamples over 100 rounds (the paper's {@code process_wvs.py}).
   */
  public static double[] countryRange(AnalysisInputs in) {
    DoubleColumn c = in.gtSelfConsistency().doubleColumn("self_consistency");
    return new double[] {c.min(), c.max()};
  }

  /**
   * The cross effects: all pairs of responses to the same question by the same model (a
   * response with itself included, as the paper's self-join), resampled with replacement;
   * Pearson per (model, same language or not) divided by {@code 1 - error rate}. Columns
   * model_name, true (within), false (between), family, Consistency Gap, round.
   */
  public static AnalysisResult crossEffects(Table responses, AnalysisSettings s, long seed) {
    return crossEffects(responses, s, seed, Study.paper());
  }

  /** {@link #crossEffects(Table, AnalysisSettings, long)} with {@code study}'s model order and families. */
  public static AnalysisResult crossEffects(Table responses, AnalysisSettings s, long seed, Study study) {
    Table r = responses.where(responses.stringColumn("template_type").isEqualTo("survey_hypothetical")
        .and(responses.stringColumn("model_family").isNotEqualTo("Baseline")));
    int n = r.rowCount();
    Coded coded = Coded.of(r);
    Codes models = coded.models(), langs = coded.langs();
    int[] model = coded.model(), lang = coded.lang(), q = coded.question();
    double[] score = coded.score();
    Grouping cells = Grouping.of(n, i -> Grouping.pack(q[i], model[i], 0));
    long pairs = 0;
    for (int[] c : cells.rows) pairs += (long) c.length * c.length;
    if (pairs > Integer.MAX_VALUE) throw new IllegalStateException("too many response pairs: " + pairs);
    int np = (int) pairs;
    double[] left = new double[np], right = new double[np];
    int[] groupOf = new int[np];
    int p = 0;
    for (int[] c : cells.rows)
      for (int a : c)
        for (int b : c) {
          left[p] = score[a];
          right[p] = score[b];
          groupOf[p++] = model[a] * 2 + (lang[a] == lang[b] ? 1 : 0);
        }
    Grouping byGroup = Grouping.of(np, i -> groupOf[i]);
    MetricGroup[] groups = new MetricGroup[models.size() * 2];
    for (int k = 0; k < byGroup.size(); k++)
      groups[(int) byGroup.keys[k]] = new MetricGroup(byGroup.rows[k], left, right);
    ThreadLocal<int[]> weights = ThreadLocal.withInitial(() -> new int[np]); // one per worker, not per round
    Rounds.Body<double[]> body = (round, rng) -> {
      int[] w = weights.get();
      if (rng == null) Arrays.fill(w, 1);
      else Rounds.resampleCounts(w, np, rng);
      double[] out = new double[groups.length];
      for (int k = 0; k < groups.length; k++)
        out[k] = groups[k] == null ? Double.NaN : groups[k].compute(Metric.PEARSON, w, null, null) / s.reliability();
      return out;
    };
    int rounds = s.crossEffectsRounds();
    List<double[]> res = rounds == 0 ? List.of(body.run(0, null)) : Rounds.run(rounds, seed, s.threads(), body);
    List<Integer> modelOrder = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) modelOrder.add(m);
    modelOrder.sort(Comparator.comparingInt(m -> study.modelOrder(models.name(m))));
    StringColumn mc = StringColumn.create("model_name"), fc = StringColumn.create("family");
    DoubleColumn within = DoubleColumn.create("true"), between = DoubleColumn.create("false"), gap = DoubleColumn.create("Consistency Gap");
    IntColumn rc = IntColumn.create("round");
    for (int m : modelOrder)
      for (int round = 0; round < res.size(); round++) {
        double t = res.get(round)[m * 2 + 1], f = res.get(round)[m * 2];
        mc.append(models.name(m));
        fc.append(Models.family(study, models.name(m), "the scored responses"));
        within.append(t);
        between.append(f);
        gap.append(t - f);
        rc.append(round);
      }
    Map<String, Object> settings = new LinkedHashMap<>(s.asMap());
    settings.put("rounds", rounds);
    return new AnalysisResult("cross_effects", Table.create("cross_effects", mc, within, between, fc, gap, rc), settings, seed);
  }

  /** Mean self-consistency per model and language over the rounds, with its 2.5 and 97.5 percentiles. */
  public static Table means(Table perRound) {
    return summarise(perRound, "self-consistency", "model", "language");
  }

  /** Mean consistency gap per model over the rounds, with its 2.5 and 97.5 percentiles. */
  public static Table gapMeans(Table perRound) {
    return summarise(perRound, "Consistency Gap", "model_name");
  }

  static Table summarise(Table t, String value, String... keys) {
    Map<String, List<Double>> groups = new LinkedHashMap<>();
    Map<String, String[]> names = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String[] k = new String[keys.length];
      for (int j = 0; j < keys.length; j++) k[j] = t.getString(i, keys[j]);
      String key = String.join("|", k);
      names.putIfAbsent(key, k);
      groups.computeIfAbsent(key, x -> new ArrayList<>()).add(t.doubleColumn(value).getDouble(i));
    }
    StringColumn[] kc = new StringColumn[keys.length];
    for (int j = 0; j < keys.length; j++) kc[j] = StringColumn.create(keys[j]);
    DoubleColumn mean = DoubleColumn.create("mean"), lo = DoubleColumn.create("p2.5"), hi = DoubleColumn.create("p97.5");
    groups.forEach((key, v) -> {
      double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
      for (int j = 0; j < keys.length; j++) kc[j].append(names.get(key)[j]);
      mean.append(Arrays.stream(a).average().orElse(Double.NaN));
      lo.append(org.mcalign.stats.Bootstrap.percentile(a, 2.5));
      hi.append(org.mcalign.stats.Bootstrap.percentile(a, 97.5));
    });
    Table out = Table.create(value + " by " + String.join(", ", keys));
    out.addColumns(kc);
    return out.addColumns(mean, lo, hi);
  }

  /** A response table's model, language and question as int codes, with the pro scores. */
  private record Coded(Codes models, Codes langs, int[] model, int[] lang, int[] question, double[] score) {
    static Coded of(Table r) {
      int n = r.rowCount();
      Codes models = new Codes(), langs = new Codes(), questions = new Codes();
      int[] model = new int[n], lang = new int[n], q = new int[n];
      for (int i = 0; i < n; i++) {
        model[i] = models.code(r.getString(i, "model_name"));
        lang[i] = langs.code(r.getString(i, "language"));
        q[i] = questions.code(r.getString(i, "question_key"));
      }
      return new Coded(models, langs, model, lang, q, r.doubleColumn("response_pro_score").asDoubleArray());
    }
  }
}
