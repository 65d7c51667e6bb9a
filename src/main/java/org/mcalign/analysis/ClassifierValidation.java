package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.Paper;
import org.mcalign.scoring.ClassifiedOpinions;
import org.mcalign.stats.Agreement;
import org.mcalign.stats.Bootstrap;
import org.mcalign.stats.ScaleReliability;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How far classifier models agree with each other and with people, the paper's
 * {@code inter-llm-reliability.py} as it intends (its script calls helpers missing from
 * {@code structured.py} and fits its ω before reading data, so it does not run as written):
 *
 * <ul>
 *   <li><b>per statement</b>: each response's statements aligned by position across models (the
 *       paper's {@code statement_id} "{response}-{position}"), NULL labels left out as the paper's
 *       script drops them; Fleiss' κ over the statements every model labelled pro or con (the
 *       paper's {@code fleiss_kappa} after {@code drop_nulls}), pairwise Cohen's κ, Krippendorff's
 *       α, percent agreement ({@link Agreement}); and McDonald's ω total with the models as the
 *       items of one scale on the same statements coded con = 1, pro = 2 (the paper's
 *       {@code reliability_analysis(…).omega_total}; here from a one-factor model);
 *   <li><b>on the pro score</b> (ours): per response each model's pro/(pro + con), McDonald's ω
 *       total (the paper's statistic, applied to the scores) and the ICC(A,1) of absolute
 *       agreement, over the responses every model scored;
 *   <li><b>against human labels</b>: Cohen's κ of each model with the human labels (pro, con and
 *       NULL as categories) and the <em>error rate</em> that {@code consistency / (1 − error)}
 *       uses: among the statements a person labelled pro or con and the model labelled at all,
 *       the share the model labelled otherwise. Without human labels the paper's 0.045 is used,
 *       labelled as such ({@link ErrorRate#paperDefault()}).
 * </ul>
 * Every interval is a 95 % percentile interval of a seeded bootstrap: statements (κ, α, ω on
 * statements), responses (pro-score ω and ICC, and the error rate, whose statements are
 * clustered in responses).
 */
public final class ClassifierValidation {
  /** A scoring error rate with its 95 % interval, the statements it rests on, and where it comes from. */
  public record ErrorRate(double value, double lower, double upper, int statements, String source) {
    /** The paper's value: from its human validation, which it does not publish. */
    public static ErrorRate paperDefault() {
      return new ErrorRate(Paper.SCORING_ERROR_RATE, Double.NaN, Double.NaN, 0,
          "the paper's 0.045 (its human validation, unpublished; no human labels given here)");
    }

    /** The divisor of every consistency, {@code 1 - value}. */
    public double reliability() {
      return 1 - value;
    }

    /** The analysis settings with this error rate. */
    public AnalysisSettings applyTo(AnalysisSettings s) {
      return s.withErrorRate(value);
    }
  }

  private final List<String> models;
  private final Map<String, List<ClassifiedOpinions>> answers;
  private final int responses;
  private final int rounds;
  private final long seed;

  private ClassifierValidation(Map<String, List<ClassifiedOpinions>> answers, int rounds, long seed) {
    if (answers.size() < 2) throw new IllegalArgumentException("need answers of at least 2 classifier models, got " + answers.keySet());
    this.models = List.copyOf(answers.keySet());
    this.answers = new LinkedHashMap<>(answers);
    this.responses = answers.get(models.get(0)).size();
    answers.forEach((m, a) -> {
      if (a.size() != responses)
        throw new IllegalArgumentException(m + " answered " + a.size() + " responses, " + models.get(0) + " " + responses + "; classify the same responses");
    });
    this.rounds = rounds;
    this.seed = seed;
  }

  /** Answers per model (insertion order), each list aligned to the same responses. */
  public static ClassifierValidation of(Map<String, List<ClassifiedOpinions>> answers, int rounds, long seed) {
    return new ClassifierValidation(answers, rounds, seed);
  }

  public List<String> models() {
    return models;
  }

  public int responses() {
    return responses;
  }

  private static String label(ClassifiedOpinions a, int k) {
    if (a.opinions() == null || k >= a.opinions().size() || a.opinions().get(k) == null) return null;
    String o = a.opinions().get(k).toLowerCase(java.util.Locale.ROOT);
    return o.equals("pro") || o.equals("con") ? o : o.equals("null") ? "NULL" : null;
  }

  private int statements(int r) {
    int n = 0;
    for (String m : models) {
      List<String> o = answers.get(m).get(r).opinions();
      if (o != null) n = Math.max(n, o.size());
    }
    return n;
  }

  /** Long-format statement labels: item "{response}-{position}", rater the model, label pro or con (NULL and no label: missing). */
  public List<Agreement.Rating> statementRatings() {
    List<Agreement.Rating> out = new ArrayList<>();
    for (int r = 0; r < responses; r++)
      for (int k = 0, n = statements(r); k < n; k++)
        for (String m : models) {
          String l = label(answers.get(m).get(r), k);
          out.add(new Agreement.Rating(r + "-" + k, m, l == null || l.equals("NULL") ? "" : l));
        }
    return out;
  }

  /** Agreement per statement (Fleiss' κ, pairwise Cohen's κ, Krippendorff's α, percent agreement). */
  public Agreement statementAgreement() {
    return Agreement.of(statementRatings(), rounds, seed);
  }

  /**
   * ω total on the statement labels (models as items, statements every model labelled pro or
   * con), ω total and ICC(A,1) on the pro scores (responses every model scored): estimate, 95 %
   * bootstrap interval, and the statements or responses used.
   */
  public Table reliability() {
    List<double[]> st = new ArrayList<>();
    for (int r = 0; r < responses; r++)
      for (int k = 0, n = statements(r); k < n; k++) {
        double[] row = new double[models.size()];
        boolean complete = true;
        for (int j = 0; j < models.size(); j++) {
          String l = label(answers.get(models.get(j)).get(r), k);
          complete &= "pro".equals(l) || "con".equals(l);
          row[j] = "pro".equals(l) ? 2 : 1;
        }
        if (complete) st.add(row);
      }
    List<double[]> scores = new ArrayList<>();
    for (int r = 0; r < responses; r++) {
      double[] row = new double[models.size()];
      boolean complete = true;
      for (int j = 0; j < models.size(); j++) {
        row[j] = answers.get(models.get(j)).get(r).proScore();
        complete &= !Double.isNaN(row[j]);
      }
      if (complete) scores.add(row);
    }
    StringColumn stat = StringColumn.create("statistic"), on = StringColumn.create("on");
    DoubleColumn est = DoubleColumn.create("estimate"), lo = DoubleColumn.create("lower"), hi = DoubleColumn.create("upper");
    IntColumn n = IntColumn.create("n");
    add(stat, on, est, lo, hi, n, "McDonald's omega total (the paper's)", "statement labels (con = 1, pro = 2)", st, ScaleReliability::omegaTotal);
    add(stat, on, est, lo, hi, n, "McDonald's omega total", "pro scores", scores, ScaleReliability::omegaTotal);
    add(stat, on, est, lo, hi, n, "ICC(A,1) absolute agreement (ours)", "pro scores", scores, ScaleReliability::iccAgreement);
    return Table.create("reliability of " + models + " (95 % bootstrap intervals, " + rounds + " rounds, seed " + seed + ")",
        stat, on, est, lo, hi, n);
  }

  private void add(StringColumn stat, StringColumn on, DoubleColumn est, DoubleColumn lo, DoubleColumn hi, IntColumn n, String s,
      String what, List<double[]> rows, java.util.function.ToDoubleFunction<double[][]> f) {
    double[][] data = rows.toArray(double[][]::new);
    double e = safe(f, data);
    double[] b = Bootstrap.of(rounds, seed).run((r, rng) -> {
      int[] idx = Bootstrap.resampleIndices(data.length, rng);
      double[][] d = new double[idx.length][];
      for (int i = 0; i < idx.length; i++) d[i] = data[idx[i]];
      return safe(f, d);
    }).stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).toArray();
    stat.append(s);
    on.append(what);
    est.append(e);
    lo.append(b.length == 0 ? Double.NaN : Bootstrap.percentile(b, 2.5));
    hi.append(b.length == 0 ? Double.NaN : Bootstrap.percentile(b, 97.5));
    n.append(data.length);
  }

  private static double safe(java.util.function.ToDoubleFunction<double[][]> f, double[][] d) {
    try {
      return d.length < 3 ? Double.NaN : f.applyAsDouble(d);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Double.NaN;
    }
  }

  // ------------------------------------------------------------------ against people

  /**
   * Each model against human labels by item ({@code "{response}-{position}"} → pro, con or
   * NULL): the statements compared, Cohen's κ (three categories) and the error rate, each with
   * its 95 % bootstrap interval.
   */
  public Table againstHumans(Map<String, String> human) {
    if (human.isEmpty()) throw new IllegalArgumentException("no human labels: fill in the sheet's label column first");
    StringColumn model = StringColumn.create("model");
    IntColumn nk = IntColumn.create("statements (kappa)"), ne = IntColumn.create("statements (error)");
    DoubleColumn k = DoubleColumn.create("cohen_kappa"), klo = DoubleColumn.create("kappa lower"), khi = DoubleColumn.create("kappa upper");
    DoubleColumn e = DoubleColumn.create("error_rate"), elo = DoubleColumn.create("error lower"), ehi = DoubleColumn.create("error upper");
    for (String m : models) {
      List<Agreement.Rating> ratings = new ArrayList<>();
      int both = 0;
      for (Map.Entry<String, String> h : human.entrySet()) {
        String l = labelAt(m, h.getKey());
        ratings.add(new Agreement.Rating(h.getKey(), "human", h.getValue()));
        ratings.add(new Agreement.Rating(h.getKey(), m, l == null ? "" : l));
        if (l != null) both++;
      }
      Agreement a = Agreement.of(ratings, rounds, seed);
      ErrorRate er = errorRate(human, m);
      model.append(m);
      nk.append(both);
      k.append(a.cohenKappa("human", m));
      double[] iv = a.interval("cohen_kappa human|" + m);
      klo.append(iv[0]);
      khi.append(iv[1]);
      ne.append(er.statements());
      e.append(er.value());
      elo.append(er.lower());
      ehi.append(er.upper());
    }
    return Table.create("classifiers against " + human.size() + " human labels (95 % bootstrap intervals, " + rounds
        + " rounds, seed " + seed + ")", model, nk, k, klo, khi, ne, e, elo, ehi);
  }

  private String labelAt(String model, String item) {
    int dash = item.lastIndexOf('-');
    if (dash < 0) throw new IllegalArgumentException("item '" + item + "' is not '{response}-{position}'");
    int r, k;
    try {
      r = Integer.parseInt(item.substring(0, dash));
      k = Integer.parseInt(item.substring(dash + 1));
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("item '" + item + "' is not '{response}-{position}'", ex);
    }
    if (r < 0 || r >= responses) throw new IllegalArgumentException("item '" + item + "': no response " + r + " (" + responses + " classified)");
    return label(answers.get(model).get(r), k);
  }

  /**
   * The error rate of {@code model} against the human labels: among statements a person
   * labelled pro or con and the model labelled (pro, con or NULL), the share labelled otherwise;
   * the interval resamples responses (their statements together).
   */
  public ErrorRate errorRate(Map<String, String> human, String model) {
    if (!answers.containsKey(model)) throw new IllegalArgumentException("no answers of '" + model + "'; models: " + models);
    int[] wrong = new int[responses], seen = new int[responses];
    for (Map.Entry<String, String> h : human.entrySet()) {
      if (!h.getValue().equals("pro") && !h.getValue().equals("con")) continue;
      String l = labelAt(model, h.getKey());
      if (l == null) continue;
      int r = Integer.parseInt(h.getKey().substring(0, h.getKey().lastIndexOf('-')));
      seen[r]++;
      if (!l.equals(h.getValue())) wrong[r]++;
    }
    int n = 0, w = 0;
    for (int r = 0; r < responses; r++) {
      n += seen[r];
      w += wrong[r];
    }
    if (n == 0) throw new IllegalArgumentException("no statement labelled pro or con by both a person and " + model);
    double[] b = Bootstrap.of(rounds, seed).run((round, rng) -> {
      int nn = 0, ww = 0;
      for (int i = 0; i < responses; i++) {
        int r = rng.nextInt(responses);
        nn += seen[r];
        ww += wrong[r];
      }
      return nn == 0 ? Double.NaN : (double) ww / nn;
    }).stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).toArray();
    return new ErrorRate((double) w / n, b.length == 0 ? Double.NaN : Bootstrap.percentile(b, 2.5),
        b.length == 0 ? Double.NaN : Bootstrap.percentile(b, 97.5), n,
        model + " against " + n + " human-labelled pro/con statements (seed " + seed + ")");
  }
}
