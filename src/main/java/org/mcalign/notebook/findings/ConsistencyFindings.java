package org.mcalign.notebook.findings;

import org.mcalign.data.Study;
import static org.mcalign.notebook.findings.Prose.and;
import static org.mcalign.notebook.findings.Prose.f;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.Analyses;
import org.mcalign.analysis.ConsistencyPairing;
import org.mcalign.analysis.PaperAnalysis;
import org.mcalign.data.Paper;
import org.mcalign.notebook.Numbers;
import org.mcalign.plot.Figure;
import org.mcalign.plot.Figures;
import org.mcalign.plot.Interval;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 09 (self-consistency and cross effects): what its tables and figures show. */
public final class ConsistencyFindings extends NotebookFindings {
  /** The figures' whiskers, as the paper's (seaborn's default: bootstrap 95 % CI of the mean, seeded here). */
  static final Interval FIGURE_WHISKERS = Interval.bootstrapCi(95, 0);

  private final PaperAnalysis.Result run;
  private Table lift;

  ConsistencyFindings(PaperAnalysis.Result run, AnalysisInputs in) {
    super(in, "09-consistency");
    this.run = run;
  }

  public static ConsistencyFindings of(PaperAnalysis.Result run) {
    return new ConsistencyFindings(run, Analyses.inputs());
  }

  private Table perRound() {
    return run.table("model_self_consistency.csv");
  }

  /** The dataset and run; on the DEMO what was planted and whether this run recovers it. */
  public Object dataset() {
    String runText = Prose.seedPhrase(run.seed()) + ", " + run.settings().consistencyRounds() + " bootstrap rounds of the"
        + " self-consistency and " + run.settings().crossEffectsRounds() + " of the cross effects";
    if (!demo) return Prose.dataset(in, runText, null, null);
    String planted = "the OLMo models answer at random, the Gemma models with each prompt language's opinions, the OpenAI models"
        + " with the United States' in every language; within each family the larger model answers with less noise. Expected:"
        + " OLMo the least self-consistent, and a larger within- minus between-language gap for Gemma (its answers change with"
        + " the language) than for OpenAI (they do not).";
    Table means = means();
    Prose.Checks checks = new Prose.Checks();
    double olmoMax = -1, othersMin = 2;
    List<String> olmoNames = Study.paper().modelsOf("olmo").stream().map(Prose::model).toList();
    for (int i = 0; i < means.rowCount(); i++) {
      boolean olmo = olmoNames.contains(means.getString(i, "model"));
      double v = means.doubleColumn("mean").getDouble(i);
      if (olmo) olmoMax = Math.max(olmoMax, v);
      else othersMin = Math.min(othersMin, v);
    }
    checks.add("OLMo (random) least self-consistent", "OLMo at most " + f(olmoMax, 2) + ", the others at least " + f(othersMin, 2), olmoMax < othersMin);
    Table gaps = gaps();
    double gemma = familyGap(gaps, "gemma"), openai = familyGap(gaps, "openai");
    checks.add("Gemma's language gap larger than OpenAI's", "mean gap Gemma " + f(gemma, 2) + ", OpenAI " + f(openai, 2), gemma > openai);
    return Prose.dataset(in, runText, planted, checks.table());
  }

  private static double familyGap(Table gaps, String family) {
    List<Double> v = new ArrayList<>();
    for (int i = 0; i < gaps.rowCount(); i++)
      if (Study.paper().modelsOf(family).contains(gaps.getString(i, "model_name"))) v.add(gaps.doubleColumn("mean").getDouble(i));
    return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /**
   * Per model and language over the rounds: the mean (the figure's bar), the figure's whisker
   * (bootstrap 95 % CI of that mean) and the 2.5–97.5 percentile range of the rounds themselves.
   */
  Table means() {
    return summarise(perRound(), "self-consistency", "self-consistency by model and language", "model", "language");
  }

  /** The same for the cross effects' consistency gap per model. */
  Table gaps() {
    return summarise(run.table("cross_effects.csv"), "Consistency Gap", "consistency gap (within − between language) by model", "model_name");
  }

  private static Table summarise(Table t, String value, String name, String... keys) {
    Table out = Table.create(name);
    for (String k : keys) out.addColumns(StringColumn.create(k));
    DoubleColumn mean = DoubleColumn.create("mean"), cl = DoubleColumn.create("mean_ci_lower"), ch = DoubleColumn.create("mean_ci_upper"),
        lo = DoubleColumn.create("rounds_p2.5"), hi = DoubleColumn.create("rounds_p97.5");
    // groups in order of first appearance, values in row order: the figures' aggregation, so the bootstrap draws agree
    for (Table g : t.splitOn(keys).asTableList().stream().sorted(java.util.Comparator.comparingInt(g -> firstRow(t, g, keys))).toList()) {
      double[] v = g.doubleColumn(value).asDoubleArray();
      for (String k : keys) out.stringColumn(k).append(g.getString(0, k));
      double[] ci = FIGURE_WHISKERS.bounds(v), pi = Interval.percentile(95).bounds(v);
      mean.append(Prose.mean(v));
      cl.append(ci == null ? Double.NaN : ci[0]);
      ch.append(ci == null ? Double.NaN : ci[1]);
      lo.append(pi == null ? Double.NaN : pi[0]);
      hi.append(pi == null ? Double.NaN : pi[1]);
    }
    return out.addColumns(mean, cl, ch, lo, hi);
  }

  /** The first row of {@code t} that belongs to group {@code g}. */
  private static int firstRow(Table t, Table g, String... keys) {
    for (int i = 0; i < t.rowCount(); i++) {
      boolean same = true;
      for (String k : keys) same &= t.getString(i, k).equals(g.getString(0, k));
      if (same) return i;
    }
    return Integer.MAX_VALUE;
  }

  /** The self-consistency table and what it says. */
  public Finding selfConsistency() {
    Table m = means();
    Map<String, List<Double>> byModel = new LinkedHashMap<>();
    for (int i = 0; i < m.rowCount(); i++) byModel.computeIfAbsent(m.getString(i, "model"), k -> new ArrayList<>()).add(m.doubleColumn("mean").getDouble(i));
    List<Map.Entry<String, Double>> avg = new ArrayList<>();
    byModel.forEach((k, v) -> avg.add(Map.entry(k, v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))));
    avg.sort(Map.Entry.comparingByValue());
    int widest = 0;
    for (int i = 1; i < m.rowCount(); i++)
      if (width(m, i) > width(m, widest)) widest = i;
    String top = avg.get(avg.size() - 1).getKey(), second = avg.get(avg.size() - 2).getKey();
    String low = avg.get(0).getKey(), low2 = avg.get(1).getKey();
    String text = "Averaged over the four languages, " + top + " and " + second + " are the most self-consistent models ("
        + range(m, top) + " and " + range(m, second) + " per language), " + low + " and " + low2 + " the least (" + range(m, low)
        + " and " + range(m, low2) + "). The rounds of " + m.getString(widest, "model") + " in " + m.getString(widest, "language")
        + " spread the most (" + Numbers.range(m.doubleColumn("rounds_p2.5").getDouble(widest), m.doubleColumn("rounds_p97.5").getDouble(widest), 2)
        + "). The figure's whiskers are the paper's, a 95 % bootstrap interval of the *mean* of the rounds (`mean_ci_*`), which"
        + " shrinks as more rounds are drawn from the same responses; how much a single round varies is the range of the rounds"
        + " (`rounds_p*`), which is why the two differ.";
    return new Finding(m, text);
  }

  private static double width(Table m, int i) {
    return m.doubleColumn("rounds_p97.5").getDouble(i) - m.doubleColumn("rounds_p2.5").getDouble(i);
  }

  private static String range(Table m, String model) {
    Table r = Prose.where(m, "model", model);
    double[] v = Prose.values(r, "mean");
    return Numbers.range(Prose.min(v), Prose.max(v), 2);
  }

  /** The WVS countries' self-consistency (the figure's reference lines). */
  public Finding countryRange() {
    Table gt = in.gtSelfConsistency();
    String col = gt.columnNames().contains("cntry_AN") ? "cntry_AN" : gt.columnNames().get(0);
    Table sorted = gt.sortAscendingOn("self_consistency");
    double lo = lines()[0], hi = lines()[1];
    String text = "The countries' own self-consistency (`gt_self_consistency.csv`: the Pearson correlation of a country's pro scores"
        + " between samples of 10 respondents per question, over 100 rounds, not a split-half correlation) runs from "
        + f(sorted.doubleColumn("self_consistency").getDouble(0), 3) + " (" + sorted.getString(0, col) + ") to "
        + f(sorted.doubleColumn("self_consistency").getDouble(sorted.rowCount() - 1), 3) + " (" + sorted.getString(sorted.rowCount() - 1, col)
        + "); the figure's reference lines are drawn at " + f(lo, 2) + " and " + f(hi, 2)
        + (demo ? ", this range rounded." : ", the paper's, which are this range rounded.");
    return new Finding(sorted, text);
  }

  /** The reference lines: the paper's on its data, the dataset's own range (rounded) on the DEMO. */
  private double[] lines() {
    if (!demo) return new double[] {Figures.COUNTRY_MINIMUM, Figures.COUNTRY_MAXIMUM};
    double[] v = in.gtSelfConsistency().doubleColumn("self_consistency").asDoubleArray();
    return new double[] {Math.round(100 * Prose.min(v)) / 100.0, Math.round(100 * Prose.max(v)) / 100.0};
  }

  /** {@code model-self_consistency.png} with its caption. */
  public Figure selfConsistencyFigure() {
    double[] l = lines();
    Figure f = Analyses.figure(Figures.selfConsistency(perRound(), l[0], l[1], FIGURE_WHISKERS));
    outputs.figure(f);
    int rounds = perRound().intColumn("round").countUnique();
    return f.withCaption("**" + f.fileName() + ".** Bars: mean self-consistency of a model in a language over " + rounds + " bootstrap"
        + " rounds (each round: Spearman correlation between pairs of responses to the same question, a response drawn twice also"
        + " paired with its copy as in the paper's figure, divided by " + f(run.settings().reliability(), 3) + "). Whiskers: 95 % bootstrap confidence interval of that"
        + " mean (1,000 resamples of the " + rounds + " rounds, seeded 0; seaborn's default, as the paper), not the spread of the"
        + " rounds (the table above gives both). Dotted and dashed lines: the least and the most self-consistent WVS country ("
        + f(l[0], 2) + ", " + f(l[1], 2) + ").");
  }

  /** How many bars reach the least consistent country, with the figure's pairs and with distinct responses only. */
  public Finding lift() {
    Table t = liftTable();
    double line = lines()[0];
    List<String> reachFigure = new ArrayList<>(), reachDistinct = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String bar = t.getString(i, "model") + " in " + t.getString(i, "language");
      if (t.doubleColumn("as_in_figure").getDouble(i) >= line) reachFigure.add(bar);
      if (t.doubleColumn("distinct_responses").getDouble(i) >= line) reachDistinct.add(bar);
    }
    double[] l = Prose.values(t, "lift");
    int top = 0;
    for (int i = 1; i < l.length; i++) if (l[i] > l[top]) top = i;
    double[] rest = new double[l.length - 1];
    for (int i = 0, k = 0; i < l.length; i++) if (i != top) rest[k++] = l[i];
    String text = "Against the same rounds with pairs of distinct responses only, the figure's pairing lifts every bar: by "
        + Numbers.range(Prose.min(rest), Prose.max(rest), 2) + ", and " + t.getString(top, "model") + " in " + t.getString(top, "language")
        + " by " + f(l[top], 2) + " (from " + f(t.doubleColumn("distinct_responses").getDouble(top), 2) + " to "
        + f(t.doubleColumn("as_in_figure").getDouble(top), 2) + "). " + reachFigure.size() + " of the " + t.rowCount() + " bars reach the"
        + " least self-consistent country (" + f(line, 2) + ") with the figure's pairs, "
        + (reachDistinct.isEmpty() ? "none" : reachDistinct.size() + " (" + and(reachDistinct) + ")") + " with distinct"
        + " responses, which stay close to the one-pass values";
    text += demo ? "." : ": the paper's conclusion that models are less self-consistent than the surveyed populations holds more"
        + " strongly.";
    return new Finding(t, text);
  }

  /**
   * The lift table of {@link ConsistencyPairing#selfConsistencyLift} on the same responses,
   * settings and seed as the figure's rounds, so its {@code as_in_figure} is the figure's bars.
   */
  Table liftTable() {
    if (lift == null)
      lift = ConsistencyPairing.selfConsistencyLift(in.responses(), run.settings(), PaperAnalysis.partSeed(run.seed(), "self_consistency"));
    return lift;
  }

  /** The cross effects table and what it says. */
  public Finding crossEffects() {
    Table g = gaps();
    double[] m = Prose.values(g, "mean"), lo = Prose.values(g, "rounds_p2.5");
    int top = 0, bottom = 0;
    for (int i = 1; i < m.length; i++) {
      if (m[i] > m[top]) top = i;
      if (m[i] < m[bottom]) bottom = i;
    }
    long above = Prose.count(lo, x -> x > 0);
    String text = "Within a language, a model's answers to the same question agree more than across languages for every model: the"
        + " gap (within − between language consistency) is " + Numbers.range(Prose.min(m), Prose.max(m), 2) + ", and for "
        + above + " of " + m.length + " models even the 2.5th percentile of the rounds is above zero. The largest gap is "
        + Prose.model(g.getString(top, "model_name")) + "'s, the smallest " + Prose.model(g.getString(bottom, "model_name")) + "'s.";
    return new Finding(g, text);
  }

  /** {@code cross_effects.png} with its caption. */
  public Figure crossEffectsFigure() {
    Table t = run.table("cross_effects.csv");
    Figure f = Analyses.figure(Figures.crossEffects(t, FIGURE_WHISKERS));
    outputs.figure(f);
    int rounds = t.intColumn("round").countUnique();
    return f.withCaption("**" + f.fileName() + ".** Bars: mean over " + rounds + " bootstrap rounds of a model's consistency gap"
        + " (Pearson correlation between its pro scores for the same question within a language minus across languages, each"
        + " divided by " + f(run.settings().reliability(), 3) + "). Whiskers: 95 % bootstrap confidence interval of that mean (1,000 resamples, seeded 0; seaborn's"
        + " default, as the paper); the table above also gives the 2.5–97.5 percentile range of the rounds.");
  }

  /** Writes this notebook's tables, shown figures and provenance; lists what was written. */
  public Table save() {
    outputs.table("model_self_consistency.csv", perRound()).table("cross_effects.csv", run.table("cross_effects.csv"));
    if (lift != null) outputs.table("self_consistency_lift.csv", lift);
    Map<String, Object> settings = new LinkedHashMap<>(run.settings().asMap());
    settings.put("notebook", "09-self-consistency");
    return outputs.write(run.seed(), settings);
  }
}
