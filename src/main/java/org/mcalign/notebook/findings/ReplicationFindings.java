package org.mcalign.notebook.findings;

import static org.mcalign.notebook.findings.Prose.and;
import static org.mcalign.notebook.findings.Prose.f;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.Analyses;
import org.mcalign.analysis.Baselines;
import org.mcalign.analysis.Metric;
import org.mcalign.analysis.MultilingualRegression;
import org.mcalign.analysis.PaperAnalysis;
import org.mcalign.analysis.PaperTable;
import org.mcalign.analysis.ReplicationReport;
import org.mcalign.analysis.TotalGroundTruthAlignment;
import org.mcalign.notebook.Numbers;
import org.mcalign.plot.Figure;
import org.mcalign.plot.Figures;
import org.mcalign.stats.RegressionResults;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 12 (replication report): the paper's tables beside ours over seeds, in sentences computed from them. */
public final class ReplicationFindings extends NotebookFindings {
  private final ReplicationReport.Report report;

  ReplicationFindings(ReplicationReport.Report report, AnalysisInputs in) {
    super(in, "12-replication");
    this.report = report;
  }

  public static ReplicationFindings of(ReplicationReport.Report report) {
    return new ReplicationFindings(report, Analyses.inputs());
  }

  private String seedRange() {
    long[] s = report.seeds();
    return s[0] + "–" + s[s.length - 1];
  }

  /** The dataset and run; on the DEMO, that there is no paper table to compare with. */
  public Object dataset() {
    String run = report.seeds().length + " seeds, " + seedRange() + " (" + report.seed() + " is our default seed; the paper's"
        + " bootstraps are unseeded), the paper's settings otherwise; the estimator bootstrap (our addition) with " + ReplicationReport.ESTIMATOR_ROUNDS + " resamples";
    if (!demo) return Prose.dataset(in, run, null, null);
    return Prose.dataset(in, run, "nothing specific to this notebook: the DEMO dataset has no published tables, so the"
        + " `paper_*` columns below are empty (NaN) and only the spread across seeds and our added inference are meaningful.", null);
  }

  // ------------------------------------------------------------------ RQ1

  /** RQ1 beside the paper's table over the seeds, and what it says. */
  public Finding rq1() {
    Table t = report.rq1();
    Table shown = overSeeds(t, "RQ1 interaction model: the paper's table and ours over seeds " + seedRange());
    if (demo) return new Finding(shown, "Over seeds " + seedRange() + " our coefficients spread by up to "
        + f(Prose.max(Prose.values(t, "spread")), 2) + " (`spread`); there is no paper table to compare with.");
    Table multi = t.where(t.stringColumn("term").startsWith("multilingual"));
    Table cons = t.where(t.stringColumn("term").startsWith("consistency"));
    int worst = argMax(Prose.values(t, "abs_median_minus_paper")), widest = argMax(Prose.values(t, "spread"));
    List<String> flagged = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++)
      if (t.booleanColumn("conclusion_changes").get(i))
        flagged.add(label(t.getString(i, "term")) + " (significant in " + t.intColumn("seeds_significant").getInt(i) + " of "
            + report.seeds().length + " seeds" + (t.booleanColumn("sign_changes").get(i) ? ", and its sign changes" : "") + ")");
    String text = "Over seeds " + seedRange() + " all " + t.rowCount() + " medians lie within "
        + f(Prose.max(Prose.values(t, "abs_median_minus_paper")), 3) + " of the paper's coefficients (largest: " + label(t.getString(worst, "term"))
        + "; the four consistency slopes within " + f(Prose.max(Prose.values(cons, "abs_median_minus_paper")), 3) + ", the "
        + multi.rowCount() + " β_multilingual within " + f(Prose.max(Prose.values(multi, "abs_median_minus_paper")), 3)
        + "), while single seeds move a coefficient by up to " + f(t.doubleColumn("spread").getDouble(widest), 2) + " ("
        + label(t.getString(widest, "term")) + "). " + flagged.size() + " conclusions change with the seed (`conclusion_changes`): "
        + and(flagged) + ": the small, borderline effects are the ones that depend on the bootstrap draw.";
    return new Finding(shown, text);
  }

  /** A comparison over seeds as shown: the columns the text relies on, so the table fits the page. */
  private static Table overSeeds(Table t, String name) {
    Table shown = t.selectColumns("term", "paper_coef", "paper_p", "median", "spread", "abs_median_minus_paper", "seeds_significant",
        "conclusion_changes").copy();
    shown.setName(name);
    return shown;
  }

  /** The RQ1 coefficients as a dot plot: the paper's, ours with the first seed, and ours over all seeds. */
  public Figure rq1Figure() {
    ReplicationReport.SeedFits first = firstSeed();
    Figure f = Analyses.figure(Figures.coefficientComparison(comparison(report.rq1(), ReplicationReport.paperRq1(in), first.rq1()),
        "source", "replication_rq1_coefficients.png"));
    outputs.figure(f);
    return f.withCaption(dotCaption(f, "RQ1 interaction mixed model", first.rq1().nobs()));
  }

  /** The β_BiasUS coefficients as a dot plot. */
  public Figure rq2Figure() {
    ReplicationReport.SeedFits first = firstSeed();
    Table all = comparison(report.rq2(), ReplicationReport.paperRq2(in), first.rq2());
    Table bias = all.where(all.stringColumn("name").startsWith("us[T.True]:model_name"));
    Figure f = Analyses.figure(Figures.coefficientComparison(bias, "source", "replication_rq2_us_bias.png"));
    outputs.figure(f);
    return f.withCaption(dotCaption(f, "RQ2 OLS's β_BiasUS terms", first.rq2().nobs()));
  }

  private String dotCaption(Figure f, String what, int nobs) {
    return "**" + f.fileName() + "** (our addition). Per coefficient of the " + what + ": the paper's estimate with its published 95 %"
        + " confidence interval; ours with seed " + report.seeds()[0] + " and its 95 % confidence interval (" + Numbers.count(nobs)
        + " rows, the same model and standard errors as the paper's); and the median of our estimates over seeds " + seedRange()
        + " with a line from the lowest to the highest seed's estimate (the seed spread, not a confidence interval)."
        + (demo ? " The DEMO has no paper table: its points are missing." : "");
  }

  private ReplicationReport.SeedFits seedFits;

  private ReplicationReport.SeedFits firstSeed() {
    if (seedFits == null) seedFits = ReplicationReport.fitSeed(in, report.settings(), report.seeds()[0]);
    return seedFits;
  }

  /** Long table for {@link Figures#coefficientComparison}: term label, source, coefficient and interval. */
  private Table comparison(Table t, PaperTable paper, RegressionResults first) {
    StringColumn term = StringColumn.create("term"), source = StringColumn.create("source"), raw = StringColumn.create("name");
    DoubleColumn c = DoubleColumn.create("coefficient"), lo = DoubleColumn.create("conf_int_lower"), hi = DoubleColumn.create("conf_int_upper");
    Map<String, double[]> ci = first.confInt();
    String paperName = "paper (95 % CI)", oursName = "ours, seed " + report.seeds()[0] + " (95 % CI)",
        seedsName = "ours, median and range over seeds " + seedRange();
    for (int i = 0; i < t.rowCount(); i++) {
      String name = t.getString(i, "term");
      double[] p = paper.rows().get(name);
      double[] seeds = new double[report.seeds().length];
      for (int k = 0; k < seeds.length; k++) seeds[k] = t.doubleColumn("seed_" + report.seeds()[k]).getDouble(i);
      String l = label(name);
      add(term, source, raw, c, lo, hi, l, paperName, name, p == null ? Double.NaN : p[PaperTable.COEF],
          p == null ? Double.NaN : p[PaperTable.LOWER], p == null ? Double.NaN : p[PaperTable.UPPER]);
      double[] o = ci.get(name);
      add(term, source, raw, c, lo, hi, l, oursName, name, first.params().getOrDefault(name, Double.NaN),
          o == null ? Double.NaN : o[0], o == null ? Double.NaN : o[1]);
      add(term, source, raw, c, lo, hi, l, seedsName, name, t.doubleColumn("median").getDouble(i), Prose.min(seeds), Prose.max(seeds));
    }
    return Table.create("coefficients, paper and ours", term, source, c, lo, hi, raw);
  }

  private static void add(StringColumn term, StringColumn source, StringColumn raw, DoubleColumn c, DoubleColumn lo, DoubleColumn hi,
      String label, String src, String name, double v, double l, double h) {
    term.append(label);
    source.append(src);
    raw.append(name);
    c.append(v);
    lo.append(l);
    hi.append(h);
  }

  private static final Pattern LEVEL = Pattern.compile("(\\w+)\\[(?:T\\.)?([^\\]]+)\\]");

  /** A coefficient name for people: "multilingual:family[gemma]:language[Danish]" → "multilingual · gemma · Danish". */
  static String label(String term) {
    List<String> parts = new ArrayList<>();
    for (String piece : term.split(":")) {
      Matcher m = LEVEL.matcher(piece);
      if (!m.matches()) { parts.add(piece); continue; }
      String v = m.group(2);
      if (m.group(1).equals("us") && v.equals("True")) { parts.add("US"); continue; }
      parts.add(m.group(1).equals("model_name") ? Prose.model(v) : v);
    }
    return String.join(" · ", parts);
  }

  // ------------------------------------------------------------------ RQ2

  /** The β_BiasUS terms beside the paper's over the seeds, and what they say. */
  public Finding rq2() {
    Table t = report.rq2();
    Table bias = t.where(t.stringColumn("term").startsWith("us[T.True]:model_name"));
    Table shown = overSeeds(bias, "RQ2 β_BiasUS: the paper's table and ours over seeds " + seedRange());
    if (demo) return new Finding(shown, "Over seeds " + seedRange() + " the β_BiasUS terms spread by up to "
        + f(Prose.max(Prose.values(bias, "spread")), 2) + "; there is no paper table to compare with.");
    Table en = bias.where(bias.stringColumn("term").endsWith("language[en]"));
    Table other = bias.where(bias.stringColumn("term").eval(s -> !s.endsWith("language[en]")));
    long enAll = Prose.rows(en, i -> en.intColumn("seeds_significant").getInt(i) == report.seeds().length).size();
    long changing = other.booleanColumn("conclusion_changes").countTrue();
    int widest = argMax(Prose.values(other, "spread"));
    String text = "The English β_BiasUS terms replicate closely: all " + en.rowCount() + " medians within "
        + f(Prose.max(Prose.values(en, "abs_median_minus_paper")), 3) + " of the paper's, " + enAll + " of " + en.rowCount()
        + " significant with every seed. In Danish, Dutch and Portuguese the medians are within "
        + f(Prose.max(Prose.values(other, "abs_median_minus_paper")), 3) + " of the paper's, but " + changing + " of these "
        + other.rowCount() + " terms change sign or significance across seeds (spread up to " + f(other.doubleColumn("spread").getDouble(widest), 2)
        + ", " + label(other.getString(widest, "term")) + "). Much of that is the reference level: every β_BiasUS is a contrast with"
        + " the uniform-random baseline, which is redrawn with each seed, so all models' terms of one language move together; the"
        + " differences between models (next table) are stable.";
    return new Finding(shown, text);
  }

  /** The largest deviations of within-language differences between models from the paper's. */
  public Finding rq2Differences() {
    Table d = report.rq2Differences().sortDescendingOn("abs_median_minus_paper");
    Table top = d.first(10);
    top.setName("within-language differences between models: the 10 farthest from the paper's (of " + d.rowCount() + ")");
    if (demo) return new Finding(top, "There is no paper table to compare with on the DEMO dataset.");
    String text = "Differences between two models' coefficients within one language, where the baseline cancels, deviate from the"
        + " paper's by at most " + f(Prose.max(Prose.values(d, "abs_median_minus_paper")), 3) + " for the median over seeds and "
        + f(Prose.max(Prose.values(d, "max_abs_seed_minus_paper")), 3) + " for any single seed.";
    return new Finding(top, text);
  }

  /** The replication's acceptance figures against their criteria. */
  public Finding acceptance() {
    Map<String, Double> a = report.acceptance();
    StringColumn what = StringColumn.create("figure");
    DoubleColumn value = DoubleColumn.create("value"), criterion = DoubleColumn.create("criterion");
    BooleanColumn met = BooleanColumn.create("met");
    Map<String, Double> criteria = Map.of("rq1_max_abs_median_minus_paper", 0.2, "rq2_max_abs_median_difference_error", 0.06,
        "rq1_code_as_written_max_abs_median_minus_paper", 0.2);
    a.forEach((k, v) -> {
      what.append(k);
      value.append(v);
      Double c = criteria.get(k);
      criterion.append(c == null ? Double.NaN : c);
      if (c == null || Double.isNaN(v)) met.appendMissing();
      else met.append(v <= c);
    });
    Table t = Table.create("acceptance figures", what, value, criterion, met);
    if (demo) return new Finding(t, "On the DEMO dataset there is no paper table, so the figures that compare with it are NaN.");
    double rq1 = a.get("rq1_max_abs_median_minus_paper"), rq2 = a.get("rq2_max_abs_median_difference_error"),
        asWritten = a.get("rq1_code_as_written_max_abs_median_minus_paper");
    String text = "RQ1: every β_multilingual median within " + f(rq1, 3) + " of the paper's (criterion " + f(0.2, 1) + ": "
        + (rq1 <= 0.2 ? "met" : "not met") + "); RQ2: within-language differences within " + f(rq2, 3) + " (criterion " + f(0.06, 2)
        + ": " + (rq2 <= 0.06 ? "met" : "not met") + "). The paper's code as written (next section) gives " + f(asWritten, 3)
        + (asWritten <= 0.2 ? ", also within the RQ1 criterion." : ", outside the RQ1 criterion.");
    return new Finding(t, text);
  }

  /** RQ1 with the paper's code as written (a response drawn twice pairs with its copy), and what it changes. */
  public Finding codeAsWritten() {
    Table t = report.rq1CodeAsWritten();
    Table shown = overSeeds(t, "RQ1 with the paper's code as written (DISTINCT_POSITIONS), seeds " + seedRange());
    if (demo) return new Finding(shown, "There is no paper table to compare with on the DEMO dataset.");
    Table rq1 = report.rq1();
    List<String> moved = new ArrayList<>();
    for (String term : List.of("multilingual:family[gemma]:language[Dutch]", "multilingual:family[gemma]:language[Portuguese]")) {
      Table r = t.where(t.stringColumn("term").isEqualTo(term));
      if (r.rowCount() == 0) continue;
      moved.add(label(term) + " " + f(r.doubleColumn("median").getDouble(0), 2) + " against the paper's "
          + f(r.doubleColumn("paper_coef").getDouble(0), 3));
    }
    long flagged = t.booleanColumn("conclusion_changes").countTrue(), flaggedDistinct = rq1.booleanColumn("conclusion_changes").countTrue();
    String text = "With copies paired the Gemma slopes rise (" + and(moved) + "), the largest deviation from the paper's table grows to "
        + f(Prose.max(Prose.values(t.where(t.stringColumn("term").startsWith("multilingual")), "abs_median_minus_paper")), 3)
        + " (from " + f(Prose.max(Prose.values(rq1.where(rq1.stringColumn("term").startsWith("multilingual")), "abs_median_minus_paper")), 3)
        + " with distinct responses), and " + flagged + " conclusions change with the seed (" + flaggedDistinct + " with distinct"
        + " responses): the paper's RQ1 table, like the other published outputs of `analyse_hypotheses.py`, fits pairs of distinct"
        + " responses, not the code as written.";
    return new Finding(shown, text);
  }

  // ------------------------------------------------------------------ the no-consistency figure

  /** β_multilingual of the no-consistency model over the report's seeds (the figure that differs from the paper's image). */
  public Finding noConsistencyAcrossSeeds() {
    StringColumn fam = StringColumn.create("family"), lang = StringColumn.create("language");
    List<DoubleColumn> cols = new ArrayList<>();
    Table bench = MultilingualRegression.benchmarks(in);
    for (long seed : report.seeds()) {
      Table responses = Baselines.withBaselines(in.responses(), report.settings(), PaperAnalysis.partSeed(seed, "baselines"));
      Table total = TotalGroundTruthAlignment.run(in, responses, Metric.SPEARMAN, report.settings().totalGtRounds(),
          PaperAnalysis.partSeed(seed, "total_gt_alignment"), report.settings()).table();
      Table c = MultilingualRegression.multilingualCoefficients(
          MultilingualRegression.fit(MultilingualRegression.regressionData(total, bench), "no_consistency"), "no_consistency");
      if (fam.size() == 0) {
        c.stringColumn("family").forEach(fam::append);
        c.stringColumn("language").forEach(lang::append);
      }
      cols.add(c.doubleColumn("coefficient").copy().setName("seed_" + seed));
    }
    Table t = Table.create("β_multilingual without consistency, per seed", fam, lang);
    cols.forEach(t::addColumns);
    List<String> parts = new ArrayList<>();
    for (String family : List.of("gemma", "olmo", "openai")) {
      List<Double> v = new ArrayList<>();
      for (int i = 0; i < t.rowCount(); i++)
        if (fam.get(i).equals(family)) for (DoubleColumn c : cols) v.add(c.getDouble(i));
      double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
      parts.add(Prose.family(family) + " " + Numbers.range(Prose.min(a), Prose.max(a), 2));
    }
    return new Finding(t, "Over seeds " + seedRange() + " and the four languages, the no-consistency model's β_multilingual ranges "
        + String.join(", ", parts) + (demo ? "." : ": the seed does not bring Gemma's bars down to the paper's image."));
  }

  // ------------------------------------------------------------------ estimator bootstrap (our addition)

  /** RQ1 fitted once on the one-pass alignments, with the estimator's bootstrap distribution. */
  public Finding estimatorRq1() {
    Table t = report.estimatorRq1();
    if (!t.columnNames().contains("term")) return new Finding(t, "The one-pass RQ1 model is not estimable on this dataset (" + t.name() + ").");
    Table shown = t.selectColumns("term", "one_pass_estimate", "ci_lower", "ci_upper", "paper_coef", "paper_p", "agrees_with_paper").copy();
    shown.setName("RQ1 on one pass, 95 % percentile intervals over " + ReplicationReport.ESTIMATOR_ROUNDS + " resamples of the responses");
    Table multi = t.where(t.stringColumn("term").startsWith("multilingual"));
    List<String> excl = new ArrayList<>();
    for (int i = 0; i < multi.rowCount(); i++) if (multi.booleanColumn("ci_excludes_zero").get(i)) excl.add(label(multi.getString(i, "term")));
    String gemma = "multilingual:family[gemma]:language[Danish]";
    Table g = t.where(t.stringColumn("term").isEqualTo(gemma));
    String text = "Fitted once on the one-pass rows (one per model × language), the RQ1 model gives"
        + " different point estimates" + (g.rowCount() == 0 || demo ? "" : " (e.g. " + label(gemma) + " " + f(g.doubleColumn("one_pass_estimate").getDouble(0), 2)
        + " instead of the paper's " + f(g.doubleColumn("paper_coef").getDouble(0), 3) + ")") + ": in the paper's stacked fit the"
        + " consistency slopes are identified largely by how alignment and consistency co-move across bootstrap resamples of the"
        + " same responses, not by differences between models. Against the estimator's own bootstrap distribution, "
        + excl.size() + " of " + multi.rowCount() + " β_multilingual have intervals that exclude zero (" + and(excl) + ")"
        + (demo ? "." : ", so the paper's pattern (capability predicts alignment for Gemma and OLMo, not for OpenAI) is not"
            + " supported once the replicates stop counting as independent observations.");
    return new Finding(shown, text);
  }

  /** The β_BiasUS terms on one pass, with the estimator's bootstrap distribution. */
  public Finding estimatorRq2() {
    Table t = report.estimatorRq2();
    if (!t.columnNames().contains("term")) return new Finding(t, "The one-pass RQ2 model is not estimable on this dataset (" + t.name() + ").");
    Table bias = t.where(t.stringColumn("term").startsWith("us[T.True]:model_name"));
    Table shown = bias.selectColumns("term", "one_pass_estimate", "ci_lower", "ci_upper", "bootstrap_se", "paper_coef", "paper_se",
        "agrees_with_paper").copy();
    shown.setName("RQ2 β_BiasUS on one pass, 95 % percentile intervals over " + ReplicationReport.ESTIMATOR_ROUNDS + " resamples");
    List<String> above = new ArrayList<>();
    long otherExcl = 0;
    double ratioLo = Double.MAX_VALUE, ratioHi = 0;
    for (int i = 0; i < bias.rowCount(); i++) {
      String term = bias.getString(i, "term");
      boolean excl = bias.booleanColumn("ci_excludes_zero").get(i) && bias.doubleColumn("ci_lower").getDouble(i) > 0;
      if (term.endsWith("language[en]") && excl) above.add(Prose.model(modelOf(term)));
      if (!term.endsWith("language[en]") && bias.booleanColumn("ci_excludes_zero").get(i)) otherExcl++;
      double r = bias.doubleColumn("bootstrap_se").getDouble(i) / bias.doubleColumn("paper_se").getDouble(i);
      if (!Double.isNaN(r)) { ratioLo = Math.min(ratioLo, r); ratioHi = Math.max(ratioHi, r); }
    }
    DoubleColumn diff = DoubleColumn.create("one_pass_minus_paper");
    int worst = 0;
    for (int i = 0; i < bias.rowCount(); i++) {
      diff.append(bias.doubleColumn("one_pass_estimate").getDouble(i) - bias.doubleColumn("paper_coef").getDouble(i));
      if (Math.abs(diff.getDouble(i)) > Math.abs(diff.getDouble(worst))) worst = i;
    }
    shown.addColumns(diff);
    if (demo) {
      long excl = bias.booleanColumn("ci_excludes_zero").countTrue();
      return new Finding(shown, "On one pass with the estimator's bootstrap, " + excl + " of the " + bias.rowCount()
          + " β_BiasUS intervals exclude zero; there is no paper table to compare with on the DEMO dataset.");
    }
    String text = "For RQ2 the one-pass estimates differ from the paper's coefficients by at most " + f(Math.abs(diff.getDouble(worst)), 2)
        + " (" + label(bias.getString(worst, "term")) + "; `one_pass_minus_paper`), but their intervals are wide: in English only "
        + and(above) + " stay above zero,"
        + " and " + (otherExcl == 0 ? "none" : String.valueOf(otherExcl)) + " of the Danish, Dutch and Portuguese terms"
        + (otherExcl == 1 ? " is" : " are") + " distinguishable from zero"
        + (ratioHi > 0 ? "; the bootstrap standard errors are " + Numbers.range(ratioLo, ratioHi, 1) + " times the paper's" : "") + ".";
    DoubleColumn ratio = DoubleColumn.create("se_ratio");
    for (int i = 0; i < bias.rowCount(); i++) ratio.append(bias.doubleColumn("bootstrap_se").getDouble(i) / bias.doubleColumn("paper_se").getDouble(i));
    shown.addColumns(ratio);
    return new Finding(shown, text);
  }

  private static String modelOf(String term) {
    Matcher m = Pattern.compile("model_name\\[T\\.([^\\]]+)\\]").matcher(term);
    return m.find() ? m.group(1) : term;
  }

  private static int argMax(double[] v) {
    int k = 0;
    for (int i = 1; i < v.length; i++) if (v[i] > v[k]) k = i;
    return k;
  }

  /** Writes the report's tables, the shown figures and provenance; lists what was written. */
  public Table save() {
    outputs.table("replication_rq1.csv", report.rq1()).table("replication_rq2.csv", report.rq2())
        .table("replication_rq2_differences.csv", report.rq2Differences())
        .table("replication_rq1_code_as_written.csv", report.rq1CodeAsWritten())
        .table("estimator_bootstrap_rq1.csv", report.estimatorRq1()).table("estimator_bootstrap_rq2.csv", report.estimatorRq2());
    Map<String, Object> settings = new LinkedHashMap<>(report.settings().asMap());
    settings.put("notebook", "12-replication-report");
    settings.put("seeds", java.util.Arrays.toString(report.seeds()));
    settings.put("estimator_rounds", ReplicationReport.ESTIMATOR_ROUNDS);
    return outputs.write(report.seed(), settings);
  }
}
