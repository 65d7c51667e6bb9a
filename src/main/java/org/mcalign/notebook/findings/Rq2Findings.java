package org.mcalign.notebook.findings;

import static org.mcalign.notebook.findings.Prose.and;
import static org.mcalign.notebook.findings.Prose.f;
import static org.mcalign.notebook.findings.Prose.language;
import static org.mcalign.notebook.findings.Prose.md;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.Analyses;
import org.mcalign.analysis.PaperAnalysis;
import org.mcalign.analysis.PaperTable;
import org.mcalign.analysis.ReplicationReport;
import org.mcalign.analysis.UsCentricBias;
import org.mcalign.data.Paper;
import org.mcalign.data.PaperFiles;
import org.mcalign.notebook.MimeBundle;
import org.mcalign.notebook.Numbers;
import org.mcalign.plot.Figure;
import org.mcalign.plot.Figures;
import org.mcalign.stats.DesignMatrix;
import org.mcalign.stats.OlsResults;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 08 (RQ2, US-centric bias): what its tables and figures show, in sentences computed from them. */
public final class Rq2Findings extends NotebookFindings {
  private final PaperAnalysis.Result run;

  Rq2Findings(PaperAnalysis.Result run, AnalysisInputs in) {
    super(in, "08-rq2");
    this.run = run;
  }

  public static Rq2Findings of(PaperAnalysis.Result run) {
    return new Rq2Findings(run, Analyses.inputs());
  }

  private OlsResults fit() {
    return (OlsResults) run.regressions().get("rq2_ols_us_bias");
  }

  private Table bias() {
    return run.table("us_bias_coefficients.csv");
  }

  private static final List<String> NON_ENGLISH = List.of("da", "nl", "pt");

  /** The dataset and run; on the DEMO what was planted and whether the β_BiasUS signs recover it. */
  public Object dataset() {
    String runText = Prose.seedPhrase(run.seed()) + ", " + run.settings().totalGtRounds() + " bootstrap rounds of the country-level alignment";
    if (!demo) return Prose.dataset(in, runText, null, null);
    String planted = "the OpenAI models answer with the United States' opinions whatever the prompt language, the Gemma models with"
        + " the opinions of the prompt language's speakers, the OLMo models at random. Expected: in Danish, Dutch and Portuguese,"
        + " β_BiasUS (alignment with the US minus alignment with the language's own countries, against the uniform-random"
        + " baseline) positive for OpenAI and negative for Gemma.";
    Prose.Checks checks = new Prose.Checks();
    Table b = bias().where(bias().stringColumn("language").isIn(NON_ENGLISH));
    for (String fam : List.of("openai", "gemma")) {
      Table r = Prose.where(b, "family", fam);
      boolean positive = fam.equals("openai");
      long right = Prose.rows(r, i -> (r.doubleColumn("coefficient").getDouble(i) > 0) == positive).size();
      checks.add(Prose.family(fam) + ": β_BiasUS " + (positive ? "> 0" : "< 0") + " in da, nl, pt",
          right + " of " + r.rowCount() + " terms " + (positive ? "positive" : "negative"), right == r.rowCount());
    }
    return Prose.dataset(in, runText, planted, checks.table());
  }

  /** The size of the RQ2 data, as a sentence. */
  public MimeBundle inputSize() {
    Table t = run.table("rq2_regression_input.csv");
    int rounds = t.intColumn("round").countUnique();
    return md("For each model, the rows that compare a prompt language with its own countries (`native`) and with the US (`us`): "
        + Numbers.count(t.rowCount() / rounds) + " rows per round × " + rounds + " rounds = " + Numbers.count(t.rowCount())
        + " rows, the uniform-random baseline (" + Numbers.count(Prose.where(t, "model_name", Paper.BASELINE_UNIFORM).rowCount())
        + " rows) serving as the reference model.");
  }

  /** The OLS summary folded after its β_BiasUS terms, with R² beside the paper's. */
  public MimeBundle summary() {
    outputs.regression("rq2_ols_us_bias", fit());
    return Folded.summary(fit(), "rq2_ols_us_bias: the β_BiasUS terms (us[T.True]:model_name:language)",
        n -> n.startsWith("us[T.True]:model_name"));
  }

  /** R², ours and the paper's. */
  public Finding rSquared() {
    StringColumn who = StringColumn.create("fit");
    DoubleColumn r2 = DoubleColumn.create("r_squared");
    IntColumn n = IntColumn.create("observations");
    who.append("ours");
    r2.append(fit().rsquared());
    n.append(fit().nobs());
    if (!demo) {
      who.append("the paper's table");
      r2.append(paperStatistic("R-squared"));
      n.append((int) paperStatistic("No. Observations"));
    }
    String text = "The paper's OLS `" + UsCentricBias.FORMULA.replace("  ", " ") + "` explains " + f(fit().rsquared(), 2)
        + " of the variance here" + (demo ? "." : " (the paper's table: " + f(paperStatistic("R-squared"), 3) + ", on as many rows).");
    return new Finding(Table.create("R² of the RQ2 OLS", who, r2, n), text);
  }

  private double paperStatistic(String label) {
    try {
      String text = Files.readString(PaperFiles.of(in.dataset()).supplementary(ReplicationReport.RQ2_FILE));
      Matcher m = Pattern.compile(Pattern.quote(label) + ":\\s+([-0-9.e+]+)").matcher(text);
      if (!m.find()) throw new IllegalStateException(ReplicationReport.RQ2_FILE + ": no '" + label + "' in the paper's summary");
      return Double.parseDouble(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the paper's RQ2 table: " + e.getMessage(), e);
    }
  }

  /** β_BiasUS beside the paper's, and per language what they say. */
  public Finding coefficients() {
    Table b = bias();
    PaperTable paper = ReplicationReport.paperRq2(in);
    Table facts = Table.create("β_BiasUS" + (demo ? "" : " beside the paper's table"),
        b.stringColumn("model_name").copy(), b.stringColumn("language").copy(), b.doubleColumn("coefficient").copy(),
        b.doubleColumn("conf_int_lower").copy(), b.doubleColumn("conf_int_upper").copy(), b.doubleColumn("p_value").copy());
    DoubleColumn pc = DoubleColumn.create("paper_coef"), pp = DoubleColumn.create("paper_p");
    for (int i = 0; i < b.rowCount(); i++) {
      double[] row = paper.rows().get(b.getString(i, "term"));
      pc.append(row == null ? Double.NaN : row[PaperTable.COEF]);
      pp.append(row == null ? Double.NaN : row[PaperTable.P]);
    }
    if (!demo) facts.addColumns(pc, pp);
    List<String> parts = new ArrayList<>();
    for (String l : b.stringColumn("language").unique().asList().stream().sorted().toList()) {
      Table r = Prose.where(b, "language", l);
      double[] c = Prose.values(r, "coefficient"), p = Prose.values(r, "p_value");
      long pos = Prose.rows(r, i -> c[i] > 0).size(), posSig = Prose.rows(r, i -> c[i] > 0 && p[i] < 0.05).size();
      long negSig = Prose.rows(r, i -> c[i] < 0 && p[i] < 0.05).size();
      String s = language(l) + ": " + Numbers.range(Prose.min(c), Prose.max(c), 2) + ", " + pos + " of " + c.length + " positive ("
          + posSig + " with p < 0.05, " + negSig + " negative with p < 0.05)";
      if (!demo) {
        long same = Prose.rows(r, i -> {
          double[] row = paper.rows().get(r.getString(i, "term"));
          return row != null && Math.signum(row[PaperTable.COEF]) == Math.signum(c[i]);
        }).size();
        s += ", " + same + " of " + c.length + " with the paper's sign";
      }
      parts.add(s);
    }
    String text = "β_BiasUS, how much more a model aligns with the US than with the prompt language's own countries, per language: "
        + String.join("; ", parts) + ".";
    return new Finding(facts, text);
  }

  /** {@code us_bias_coefficients.png} with its caption. */
  public Figure coefficientFigure() {
    Figure f = Analyses.figure(Figures.usBiasCoefficients(bias()));
    outputs.figure(f);
    String caption = "**" + f.fileName() + ".** Bars: β_BiasUS, the OLS estimate of the `us[T.True]:model_name:language` term per"
        + " prompt language and model (" + Numbers.count(fit().nobs()) + " rows; each term is the model's alignment with the US minus"
        + " its alignment with the language's own countries, relative to the same contrast for the uniform-random baseline)."
        + " Whiskers: the estimate's 95 % confidence interval (t distribution, as statsmodels' `conf_int`), as the paper's figure"
        + " draws them.";
    if (!demo) caption += " How its Danish, Dutch and Portuguese bars differ from the paper's image: below.";
    return f.withCaption(caption);
  }

  /**
   * Per language, how far our β_BiasUS lie from the paper's: the mean shift and its spread over
   * the models; a shift shared by every model of a language is the reference moving, not the models.
   */
  public Finding shiftsFromPaper() {
    if (demo) return new Finding(Table.create("no paper table on the DEMO dataset"), "The DEMO dataset has no published table to compare with.");
    Table b = bias();
    PaperTable paper = ReplicationReport.paperRq2(in);
    StringColumn lang = StringColumn.create("language");
    DoubleColumn mean = DoubleColumn.create("mean_shift"), lo = DoubleColumn.create("min_shift"), hi = DoubleColumn.create("max_shift"),
        diff = DoubleColumn.create("max_abs_difference_error");
    for (String l : b.stringColumn("language").unique().asList().stream().sorted().toList()) {
      Table r = Prose.where(b, "language", l);
      double[] ours = Prose.values(r, "coefficient"), theirs = new double[r.rowCount()], shift = new double[r.rowCount()];
      for (int i = 0; i < r.rowCount(); i++) {
        theirs[i] = paper.coef(r.getString(i, "term"));
        shift[i] = ours[i] - theirs[i];
      }
      double worst = 0;
      for (int i = 0; i < ours.length; i++)
        for (int j = i + 1; j < ours.length; j++) worst = Math.max(worst, Math.abs((ours[i] - ours[j]) - (theirs[i] - theirs[j])));
      lang.append(l);
      mean.append(Prose.mean(shift));
      lo.append(Prose.min(shift));
      hi.append(Prose.max(shift));
      diff.append(worst);
    }
    Table facts = Table.create("ours minus the paper's β_BiasUS, per language", lang, mean, lo, hi, diff);
    List<String> moved = new ArrayList<>();
    for (int i = 0; i < facts.rowCount(); i++)
      moved.add(language(lang.get(i)) + " " + f(mean.getDouble(i), 3) + " (" + Numbers.range(lo.getDouble(i), hi.getDouble(i), 3) + ")");
    double worst = Prose.max(diff.asDoubleArray());
    String text = "Against the paper's table, each language's bars move together: the mean shift (and its range over the nine models)"
        + " is " + and(moved) + ". A shift shared by all models of a language is what a different draw of the reference gives:"
        + " every β_BiasUS is a contrast with the uniform-random baseline, whose random pro scores are redrawn with every (in the"
        + " paper unseeded) run. The differences between two models of one language, in which the baseline cancels, are within "
        + f(worst, 3) + " of the paper's (`max_abs_difference_error`); notebook 12 shows the same over five seeds.";
    return new Finding(facts, text);
  }

  /** Each country's correlation with the US (the `us_corr` of the data), and what it says. */
  public Finding countryCorrelations() {
    Table t = run.table("country_correlations_with_us.csv");
    Table others = t.where(t.stringColumn("cntry_an").isNotEqualTo("US"));
    String[] c = others.stringColumn("cntry_an").asObjectArray();
    double[] r = Prose.values(others, "us_corr");
    String text = "Of the other countries, " + and(List.of(country(c[0]) + " (" + f(r[0], 2) + ")", country(c[1]) + " (" + f(r[1], 2) + ")"))
        + " have the value profiles closest to the US's, " + country(c[c.length - 1]) + " (" + f(r[r.length - 1], 2) + ") and "
        + country(c[c.length - 2]) + " (" + f(r[r.length - 2], 2) + ") the farthest"
        + " (Pearson correlation of the countries' pro scores over the questions both have).";
    return new Finding(t, text);
  }

  private static String country(String code) {
    return Prose.country(code);
  }

  /** {@code rq2-residuals.png} with its caption. */
  public Figure residualFigure() {
    Figure f = Analyses.figure(Figures.rq2Residuals(fit().fittedValues(), fit().residuals(), UsCentricBias.FORMULA));
    outputs.figure(f);
    return f.withCaption("**" + f.fileName() + ".** Residuals against fitted values of the RQ2 OLS, all " + Numbers.count(fit().nobs())
        + " rows, drawn as a 2-D histogram (darker cells hold more points; opacity grows with the log of the count) instead of R's"
        + " overplotted circles. Red line: LOWESS smoother (R's `lowess`, f = 2/3, 3 robustness iterations). Dotted line: zero."
        + " Numbers: the rows (1-based) of the three largest absolute residuals, as R labels them. No intervals: residuals are"
        + " not estimates.");
  }

  /** What the residuals show, and why the paper's image differs (its own table implies other fitted values). */
  public Finding residuals() {
    double[] fv = fit().fittedValues(), res = fit().residuals();
    StringColumn what = StringColumn.create("quantity");
    DoubleColumn val = DoubleColumn.create("value");
    what.append("fitted value, minimum (ours)"); val.append(Prose.min(fv));
    what.append("fitted value, maximum (ours)"); val.append(Prose.max(fv));
    double below = Prose.count(res, x -> x < -0.2) / (double) res.length, above = Prose.count(res, x -> x > 0.2) / (double) res.length;
    what.append("share of residuals below −0.2"); val.append(below);
    what.append("share of residuals above 0.2"); val.append(above);
    double[] implied = demo ? null : paperFitted();
    if (implied != null) {
      what.append("fitted value, minimum (the paper's coefficients on this design)"); val.append(Prose.min(implied));
      what.append("fitted value, maximum (the paper's coefficients on this design)"); val.append(Prose.max(implied));
      what.append("paper's image: lowest fitted value on its axis (read off the image)"); val.append(-0.15);
      what.append("paper's image: highest fitted value on its axis (read off the image)"); val.append(0.37);
    }
    Table facts = Table.create("residuals of the RQ2 OLS", what, val);
    String text = "The residuals are not symmetric: " + pct(below) + " lie below −0.2 and " + pct(above) + " above 0.2, a long"
        + " negative tail of rounds in which a model aligns far worse with a country than its cell's mean, which normal-theory"
        + " standard errors do not account for.";
    if (implied != null)
      text += " The paper's image shows fitted values from about " + f(-0.15, 2) + " to " + f(0.37, 2) + "; its own published"
          + " coefficients, applied to this design, give fitted values from " + f(Prose.min(implied), 2) + " to "
          + f(Prose.max(implied), 2) + " (ours: " + f(Prose.min(fv), 2) + " to " + f(Prose.max(fv), 2) + "). The image contradicts the"
          + " paper's table, so it was not drawn from the regression the table reports (the R code that drew it is not in the"
          + " paper's repository).";
    return new Finding(facts, text);
  }

  private static String pct(double share) {
    return f(100 * share, 1) + " %";
  }

  /** The fitted values the paper's published coefficients give on our design (same formula, same rows). */
  private double[] paperFitted() {
    return fittedWith(ReplicationReport.paperRq2(in), run.table("rq2_regression_input.csv"));
  }

  /** The RQ2 formula's design on {@code data} times the coefficients of {@code table}: the fitted values that table implies. */
  static double[] fittedWith(PaperTable table, Table data) {
    DesignMatrix d = DesignMatrix.build(UsCentricBias.FORMULA, data);
    double[] out = new double[d.nobs()];
    for (int j = 0; j < d.ncols(); j++) {
      double[] row = table.rows().get(d.names().get(j));
      if (row == null) throw new IllegalStateException(table.file() + " has no coefficient '" + d.names().get(j) + "'");
      double[] col = d.column(j);
      for (int i = 0; i < out.length; i++) out[i] += col[i] * row[PaperTable.COEF];
    }
    return out;
  }

  /** Writes this notebook's tables, regression, shown figures and provenance; lists what was written. */
  public Table save() {
    for (String t : List.of("rq2_regression_input.csv", "us_bias_coefficients.csv", "country_correlations_with_us.csv"))
      outputs.table(t, run.table(t));
    outputs.regression("rq2_ols_us_bias", fit());
    Map<String, Object> settings = new LinkedHashMap<>(run.settings().asMap());
    settings.put("notebook", "08-rq2-us-centric-bias");
    return outputs.write(run.seed(), settings);
  }
}
