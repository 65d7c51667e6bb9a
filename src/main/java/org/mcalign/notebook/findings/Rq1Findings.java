package org.mcalign.notebook.findings;

import org.mcalign.data.Study;
import static org.mcalign.notebook.findings.Prose.and;
import static org.mcalign.notebook.findings.Prose.f;
import static org.mcalign.notebook.findings.Prose.family;
import static org.mcalign.notebook.findings.Prose.md;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.Analyses;
import org.mcalign.analysis.MultilingualRegression;
import org.mcalign.analysis.PaperAnalysis;
import org.mcalign.analysis.PaperTable;
import org.mcalign.analysis.ReplicationReport;
import org.mcalign.analysis.demo.DemoBehaviour;
import org.mcalign.analysis.demo.DemoModel;
import org.mcalign.analysis.demo.DemoSettings;
import org.mcalign.data.Paper;
import org.mcalign.notebook.MimeBundle;
import org.mcalign.notebook.Numbers;
import org.mcalign.plot.Figure;
import org.mcalign.plot.Figures;
import org.mcalign.stats.MixedLmResults;
import org.mcalign.stats.RegressionResults;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 07 (RQ1): what its tables and figures show, in sentences computed from them. */
public final class Rq1Findings extends NotebookFindings {
  private final PaperAnalysis.Result run;

  Rq1Findings(PaperAnalysis.Result run, AnalysisInputs in) {
    super(in, "07-rq1");
    this.run = run;
  }

  /** The findings of a stage 7–8 run on the notebooks' dataset ({@link Analyses#inputs()}). */
  public static Rq1Findings of(PaperAnalysis.Result run) {
    return new Rq1Findings(run, Analyses.inputs());
  }

  private MixedLmResults fit(String type) {
    return (MixedLmResults) run.regressions().get("rq1_mixedlm_" + type);
  }

  private Table input() {
    return run.table("rq1_regression_input.csv");
  }

  // ------------------------------------------------------------------ dataset

  /** The dataset and run; on the DEMO what was planted and whether this run recovers it. */
  public Object dataset() {
    String runText = Prose.seedPhrase(run.seed()) + ", " + run.settings().totalGtRounds()
        + " bootstrap rounds of the total ground-truth alignment, " + run.settings().adjustedRounds() + " adjusted-alignment OLS fits";
    if (!demo) return Prose.dataset(in, runText, null, null);
    List<String> parts = new ArrayList<>();
    Map<DemoBehaviour, List<String>> byBehaviour = new LinkedHashMap<>();
    for (DemoModel m : DemoSettings.defaults().models()) byBehaviour.computeIfAbsent(m.behaviour(), k -> new ArrayList<>()).add(m.id());
    byBehaviour.forEach((b, ms) -> parts.add(Prose.and(ms.stream().map(Prose::model).toList()) + " " + behaviour(b)));
    String planted = String.join("; ", parts) + ". Within each family the larger model has the higher DEMO benchmark scores and answers"
        + " with less noise, so alignment rises with capability except for the random OLMo models; with three models per family the"
        + " mixed model's per-model intercepts can absorb that rise, so β_multilingual need not show it.";
    Prose.Checks checks = new Prose.Checks();
    Table means = modelMeans();
    for (String fam : List.of("gemma", "openai")) {
      List<String> ms = Study.paper().modelsOf(fam);
      double small = meanOf(means, ms.get(0)), large = meanOf(means, ms.get(ms.size() - 1));
      checks.add(family(fam) + ": alignment rises with model size (less noise)",
          Prose.model(ms.get(0)) + " " + f(small, 2) + " → " + Prose.model(ms.get(ms.size() - 1)) + " " + f(large, 2), large > small);
    }
    double[] olmo = Study.paper().modelsOf("olmo").stream().mapToDouble(m -> meanOf(means, m)).toArray();
    checks.add("OLMo: no alignment (random answers)", "mean alignment " + Numbers.range(Prose.min(olmo), Prose.max(olmo), 2),
        Prose.max(olmo) < 0.15 && Prose.min(olmo) > -0.15);
    Table coefs = run.table("multilingual_coefficients_interaction.csv");
    for (String fam : List.of("gemma", "openai", "olmo")) {
      Table c = Prose.where(coefs, "family", fam);
      long pos = Prose.rows(c, i -> c.doubleColumn("coefficient").getDouble(i) > 0 && c.doubleColumn("p_value").getDouble(i) < 0.05).size();
      boolean expected = !fam.equals("olmo");
      checks.add(family(fam) + ": β_multilingual " + (expected ? "positive" : "not positive"),
          pos + " of " + c.rowCount() + " languages positive with p < 0.05", expected ? pos >= 3 : pos == 0);
    }
    return Prose.dataset(in, runText, planted, checks.table());
  }

  private static String behaviour(DemoBehaviour b) {
    return switch (b) {
      case US_CENTRIC -> "answer with the United States' opinions whatever the prompt language";
      case NATIVE -> "answer with the opinions of the prompt language's speakers";
      case RANDOM -> "answer at random";
      case COUNTRY_FOLLOWING -> "answer with the opinions of the country the prompt names";
    };
  }

  /** Mean native-language alignment and benchmark score per model over the rounds (the RQ1 input). */
  Table modelMeans() {
    Table t = input();
    StringColumn m = StringColumn.create("model_name");
    DoubleColumn a = DoubleColumn.create("mean_alignment"), b = DoubleColumn.create("mean_multilingual");
    for (String model : Study.paper().modelNames()) {
      Table r = Prose.where(t, "model_name", model);
      if (r.rowCount() == 0) continue;
      m.append(model);
      a.append(Prose.mean(Prose.values(r, "alignment")));
      b.append(Prose.mean(Prose.values(r, "multilingual")));
    }
    return Table.create("mean RQ1 input per model", m, a, b);
  }

  private static double meanOf(Table means, String model) {
    Table r = Prose.where(means, "model_name", model);
    return r.rowCount() == 0 ? Double.NaN : r.doubleColumn("mean_alignment").getDouble(0);
  }

  // ------------------------------------------------------------------ data

  /** The size of the RQ1 data, as a sentence. */
  public MimeBundle inputSize() {
    Table t = input();
    int models = t.stringColumn("model_name").countUnique(), langs = t.stringColumn("language").countUnique();
    int rounds = t.intColumn("round").countUnique();
    return md("The RQ1 data keeps the native-language rows of the " + models + " LLMs: " + models + " models × " + langs
        + " languages × " + rounds + " rounds = " + Numbers.count(t.rowCount()) + " rows, each with the model's mean benchmark"
        + " score in that language divided by 100 (`multilingual`).");
  }

  /** The interaction model's summary, folded after its consistency and multilingual terms. */
  public MimeBundle summary() {
    outputs.regression("rq1_mixedlm_interaction", fit("interaction"));
    return Folded.summary(fit("interaction"), "rq1_mixedlm_interaction: the terms of interest",
        n -> n.startsWith("consistency") || n.startsWith("multilingual"));
  }

  // ------------------------------------------------------------------ coefficients

  /** β_multilingual of the interaction model beside the paper's table, and what they say. */
  public Finding coefficients() {
    Table c = run.table("multilingual_coefficients_interaction.csv");
    PaperTable paper = ReplicationReport.paperRq1(in);
    Table facts = c.selectColumns("family", "language", "coefficient", "conf_int_lower", "conf_int_upper", "p_value").copy();
    facts.setName("β_multilingual (interaction model)" + (demo ? "" : " beside the paper's table"));
    DoubleColumn pc = DoubleColumn.create("paper_coef"), pp = DoubleColumn.create("paper_p");
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < c.rowCount(); i++) {
      String term = "multilingual:family[" + c.getString(i, "family") + "]:language[" + c.getString(i, "language") + "]";
      double[] row = paper.rows().get(term);
      pc.append(row == null ? Double.NaN : row[PaperTable.COEF]);
      pp.append(row == null ? Double.NaN : row[PaperTable.P]);
      if (row != null && !demo && (row[PaperTable.P] < 0.05) != (c.doubleColumn("p_value").getDouble(i) < 0.05))
        differ.add(family(c.getString(i, "family")) + " × " + c.getString(i, "language"));
    }
    if (!demo) facts.addColumns(pc, pp);
    StringBuilder sb = new StringBuilder("With " + Prose.seedPhrase(run.seed()) + ": ");
    List<String> parts = new ArrayList<>();
    for (String fam : List.of("gemma", "olmo", "openai")) {
      Table r = Prose.where(c, "family", fam);
      double[] b = Prose.values(r, "coefficient"), p = Prose.values(r, "p_value");
      long sig = Prose.count(p, x -> x < 0.05);
      long pos = Prose.rows(r, i -> b[i] > 0 && p[i] < 0.05).size(), neg = Prose.rows(r, i -> b[i] < 0 && p[i] < 0.05).size();
      String verdict = pos == b.length ? "positive in every language" : neg == b.length ? "negative in every language"
          : sig == 0 ? "not different from zero in any language" : pos + " positive and " + neg + " negative of " + b.length + " at p < 0.05";
      parts.add(family(fam) + " β " + Numbers.range(Prose.min(b), Prose.max(b), 2) + " (" + verdict + ")");
    }
    sb.append(String.join("; ", parts)).append('.');
    if (!demo) {
      sb.append(differ.isEmpty() ? " Every term is significant at 5 % here exactly where it is in the paper's table."
          : " Significance at 5 % differs from the paper's table for " + and(differ)
              + "; notebook 12 shows whether these terms change with the seed.");
      sb.append(" The paper's conclusion, that multilingual capability does not predict alignment consistently across families, "
          + (consistentAcrossFamilies(c) ? "does not hold in this run." : "holds in this run."));
    }
    return new Finding(facts, sb.toString());
  }

  /** True when every family has the same verdict (all positive-significant) in every language. */
  private static boolean consistentAcrossFamilies(Table c) {
    for (int i = 0; i < c.rowCount(); i++)
      if (!(c.doubleColumn("coefficient").getDouble(i) > 0 && c.doubleColumn("p_value").getDouble(i) < 0.05)) return false;
    return true;
  }

  /** Marginal and conditional R² of the three models, and what they say. */
  public Finding rSquared() {
    Table r = MultilingualRegression.rSquared(run.regressions());
    Map<String, double[]> v = new LinkedHashMap<>();
    for (int i = 0; i < r.rowCount(); i++)
      v.put(r.getString(i, "regression_type"), new double[] {r.doubleColumn("r2_marginal").getDouble(i), r.doubleColumn("r2_conditional").getDouble(i)});
    double[] in = v.get("interaction");
    String text = "The fixed effects of the interaction model explain " + pct(in[0]) + " of the variance (marginal R²; "
        + pct(v.get("normal")[0]) + " with one consistency slope, " + pct(v.get("no_consistency")[0]) + " without consistency),"
        + " and with the per-model intercepts " + pct(in[1]) + " (conditional R²)"
        + (in[1] - in[0] > 0.5 ? ": most of the variation lies between models and is not explained by capability." : ".");
    return new Finding(r, text);
  }

  private static String pct(double x) {
    return Math.round(100 * x) + " %";
  }

  // ------------------------------------------------------------------ figures

  /** {@code multilingual_coefficients_TYPE.png} with its caption. */
  public Figure coefficientFigure(String type) {
    MixedLmResults fit = fit(type);
    Figure f = Analyses.figure(Figures.multilingualCoefficients(run.table("multilingual_coefficients_" + type + ".csv"), type));
    outputs.figure(f);
    String caption = "**" + f.fileName() + ".** Bars: β_multilingual, the " + type.replace('_', ' ') + " mixed model's estimate of"
        + " the slope of alignment on multilingual capability (mean benchmark score / 100) per family and language, fitted by REML"
        + " on " + Numbers.count(fit.nobs()) + " rows (" + input().stringColumn("model_name").countUnique() + " models × "
        + input().stringColumn("language").countUnique() + " languages × " + input().intColumn("round").countUnique()
        + " bootstrap rounds, random intercept per model). Whiskers: the estimate's 95 % Wald confidence"
        + " interval (normal approximation, as statsmodels' `conf_int`), as the paper's figure draws them.";
    if (type.equals("interaction") && !demo)
      caption += " The paper's `multilingual_coefficients.png` is not this figure: its code at the pinned commit writes only the"
          + " three `multilingual_coefficients_{normal,no_consistency,interaction}.png`, and that file is an older figure with"
          + " two families (Gemma, OpenAI) last committed on 2025-03-29, before OLMo was added; `analyze all` writes the"
          + " interaction figure under that name too.";
    if (type.equals("no_consistency") && !demo)
      caption += " Gemma's bars are higher than in the paper's image while OLMo's and OpenAI's match it: the image was drawn"
          + " before the paper's benchmark table was revised (notebook 12 traces the cause).";
    return f.withCaption(caption);
  }

  /** β_multilingual of the model with one consistency slope and of the one without, and what they say. */
  public Finding otherModels() {
    Table n = run.table("multilingual_coefficients_normal.csv"), nc = run.table("multilingual_coefficients_no_consistency.csv");
    Table facts = Table.create("β_multilingual of the other two models", n.stringColumn("family").copy(), n.stringColumn("language").copy(),
        n.doubleColumn("coefficient").copy().setName("normal"), n.doubleColumn("p_value").copy().setName("normal_p"),
        nc.doubleColumn("coefficient").copy().setName("no_consistency"), nc.doubleColumn("p_value").copy().setName("no_consistency_p"));
    List<String> a = new ArrayList<>(), b = new ArrayList<>();
    for (String fam : List.of("gemma", "olmo", "openai")) {
      a.add(family(fam) + " " + Numbers.range(Prose.min(Prose.values(Prose.where(n, "family", fam), "coefficient")),
          Prose.max(Prose.values(Prose.where(n, "family", fam), "coefficient")), 2));
      b.add(family(fam) + " " + Numbers.range(Prose.min(Prose.values(Prose.where(nc, "family", fam), "coefficient")),
          Prose.max(Prose.values(Prose.where(nc, "family", fam), "coefficient")), 2));
    }
    long ncPositive = Prose.rows(nc, i -> nc.doubleColumn("coefficient").getDouble(i) > 0 && nc.doubleColumn("p_value").getDouble(i) < 0.05).size();
    String text = "With one consistency slope for all languages (`normal`) β ranges " + String.join(", ", a)
        + "; without consistency in the model (`no_consistency`) " + String.join(", ", b) + ", with " + ncPositive + " of "
        + nc.rowCount() + " terms positive at p < 0.05"
        + (ncPositive == nc.rowCount() ? ": part of what looks like a capability effect is self-consistency, which rises with capability." : ".");
    return new Finding(facts, text);
  }

  /** {@code multilingual_benchmarks_alignment-model.png} with its caption. */
  public Figure capabilityFigure() {
    Table scatter = run.table("benchmark_alignment.csv");
    Figure f = Analyses.figure(Figures.capabilityVsAlignment(scatter));
    outputs.figure(f);
    int perCell = run.settings().adjustedRounds();
    return f.withCaption("**" + f.fileName() + ".** Points: the consistency-adjusted alignment of a model in a language from each of"
        + " the " + perCell + " bootstrap OLS fits of `" + MultilingualRegression.ADJUSTMENT_FORMULAS.get("interaction") + "` ("
        + Numbers.count(scatter.rowCount()) + " points), against the model's mean benchmark score in that language. Dashed lines:"
        + " per family, slope β_multilingual/100 of the interaction mixed model through the mean of the family's points. Star:"
        + " that β is positive with p < 0.05. No intervals are drawn; the spread of a model's points is the spread over the"
        + " resamples.");
  }

  /** How the capability figure's panel heights move with the seed (the paper's image is one draw). */
  public Finding panelHeights(long... seeds) {
    StringColumn lang = StringColumn.create("language");
    List<DoubleColumn> cols = new ArrayList<>();
    List<String> langs = new ArrayList<>();
    for (long s : seeds) {
      Table adj = Analyses.paper(s).table("adjusted_alignments.csv");
      DoubleColumn c = DoubleColumn.create("seed_" + s);
      if (langs.isEmpty()) langs.addAll(adj.stringColumn("language").unique().asList().stream().sorted().toList());
      for (String l : langs) c.append(Prose.mean(Prose.values(Prose.where(adj, "language", l), "adjusted_alignment")));
      cols.add(c);
    }
    langs.forEach(lang::append);
    Table facts = Table.create("mean adjusted alignment per language and seed", lang);
    cols.forEach(facts::addColumns);
    DoubleColumn spread = DoubleColumn.create("spread");
    double worst = 0;
    String worstLang = "";
    for (int i = 0; i < langs.size(); i++) {
      double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
      for (DoubleColumn c : cols) { lo = Math.min(lo, c.getDouble(i)); hi = Math.max(hi, c.getDouble(i)); }
      spread.append(hi - lo);
      if (hi - lo > worst) { worst = hi - lo; worstLang = langs.get(i); }
    }
    facts.addColumns(spread);
    String text = "The height of a whole panel depends on the bootstrap draw: a language's consistency slope trades off against its"
        + " models' intercepts, so across seeds " + seeds[0] + "–" + seeds[seeds.length - 1] + " a language's mean adjusted alignment"
        + " moves by up to " + f(worst, 2) + " (" + worstLang + ")."
        + (demo ? "" : " The paper's image is one such draw (its bootstraps are unseeded), so its panel heights need not match ours.");
    return new Finding(facts, text);
  }

  /** {@code rq1-robustness.png} (residuals of the interaction model) with its caption. */
  public Figure residualFigure() {
    MixedLmResults fit = fit("interaction");
    Figure f = Analyses.figure(Figures.rq1Residuals(fit.fittedValues(), fit.residuals()));
    outputs.figure(f);
    return f.withCaption("**" + f.fileName() + ".** Residuals against fitted values (fixed part plus each model's predicted intercept)"
        + " of the interaction model, all " + Numbers.count(fit.nobs()) + " rows, drawn as a 2-D histogram: darker cells hold more"
        + " points (opacity grows with the log of the count). Line: zero. No intervals: each cell counts residuals, which are not"
        + " estimates.");
  }

  /** What the residuals show, and why the paper's image differs. */
  public Finding residuals() {
    MixedLmResults fit = fit("interaction");
    double[] fv = fit.fittedValues(), res = fit.residuals(), y = Prose.values(input(), "alignment");
    double cut = median(fv);
    List<Double> low = new ArrayList<>(), high = new ArrayList<>();
    for (int i = 0; i < fv.length; i++) (fv[i] < cut ? low : high).add(res[i]);
    StringColumn what = StringColumn.create("quantity");
    DoubleColumn val = DoubleColumn.create("value");
    what.append("fitted value, minimum"); val.append(Prose.min(fv));
    what.append("fitted value, maximum"); val.append(Prose.max(fv));
    what.append("alignment (response), mean"); val.append(Prose.mean(y));
    what.append("residual SD, fitted below the median"); val.append(sd(low));
    what.append("residual SD, fitted above the median"); val.append(sd(high));
    what.append("ratio of the two residual SDs"); val.append(sd(low) / sd(high));
    what.append("largest |residual|"); val.append(Math.max(Math.abs(Prose.min(res)), Prose.max(res)));
    if (!demo) {
      what.append("paper's image: lowest fitted value on its axis (read off the image)"); val.append(-0.1);
      what.append("paper's image: highest fitted value on its axis (read off the image)"); val.append(0.45);
    }
    Table facts = Table.create("residuals of the interaction model", what, val);
    double ratio = sd(low) / sd(high);
    String text = "The residuals are centred on zero, but not evenly spread: their standard deviation is " + f(ratio, 1)
        + " times as large where the fitted values are below their median than above it, a fan of large residuals at low fitted"
        + " values: the model's equal variance does not hold.";
    if (!demo)
      text += " The paper's image shows fitted values from about " + f(-0.1, 1) + " to " + f(0.45, 2) + "; fitted values of a random-intercept model average"
          + " the response, and this response (the native-language alignment) averages " + f(Prose.mean(y), 2)
          + ", with fitted values from " + f(Prose.min(fv), 2) + " to " + f(Prose.max(fv), 2)
          + ": the image cannot come from this model on these data (the R code that drew it is not in the paper's repository).";
    return new Finding(facts, text);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double sd(List<Double> v) {
    double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), ss = 0;
    for (double x : v) ss += (x - m) * (x - m);
    return Math.sqrt(ss / (v.size() - 1));
  }

  // ------------------------------------------------------------------ outputs

  /** Writes this notebook's tables, regressions, shown figures and provenance; lists what was written. */
  public Table save() {
    for (String t : List.of("spearman_n" + run.settings().totalGtRounds() + "_extreme_total_gt_alignment.csv", "rq1_regression_input.csv",
        "multilingual_coefficients_interaction.csv", "multilingual_coefficients_normal.csv", "multilingual_coefficients_no_consistency.csv",
        "adjusted_alignments.csv", "benchmark_alignment.csv"))
      if (run.tables().containsKey(t)) outputs.table(t, run.table(t));
    for (String type : MultilingualRegression.FORMULAS.keySet()) outputs.regression("rq1_mixedlm_" + type, fit(type));
    Map<String, Object> settings = new LinkedHashMap<>(run.settings().asMap());
    settings.put("notebook", "07-rq1-multilingual-regression");
    return outputs.write(run.seed(), settings);
  }

  /** For tests: the fit of one RQ1 model. */
  RegressionResults regression(String type) {
    return fit(type);
  }
}
