package org.mcalign.plot;

import static org.mcalign.plot.Labels.pt;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.Study;
import tech.tablesaw.api.Table;

/**
 * The paper's sixteen figures, one static method each, from Tablesaw tables with the paper's
 * column names. Each returns a {@link Figure} named with the paper's file name (see
 * {@code plots/} of the published data); {@link #saveAll} writes several at once.
 *
 * <p>Coefficient tables are what the paper's {@code extract_results_df} yields: {@code term},
 * {@code coefficient}, {@code conf_int_lower}, {@code conf_int_upper} (the names
 * {@code ci_lower}/{@code ci_upper} of the goldens are accepted too), plus {@code p_value} where
 * a figure marks significance. Language and model columns may hold codes/ids or display names.
 */
public final class Figures {
  private Figures() {}

  // ====================================================================== RQ1

  /**
   * {@code multilingual_coefficients_{type}.png}: β_multilingual per language (x, sorted) and
   * family (hue, sorted as patsy orders them: gemma, olmo, openai), bar = coefficient, whisker
   * = the coefficient's confidence interval (the paper's {@code errorbar=("pi", 100)} over
   * lower, coefficient and upper).
   *
   * @param coefficients columns {@code term} (e.g. {@code multilingual:family[gemma]:language[Danish]}),
   *     {@code coefficient}, {@code conf_int_lower}, {@code conf_int_upper}; rows whose term has
   *     no family and language (e.g. consistency terms) are ignored. Alternatively columns
   *     {@code family} and {@code language} instead of parsing {@code term}.
   * @param regressionType normal, no_consistency or interaction (names the file)
   */
  public static Figure multilingualCoefficients(Table coefficients, String regressionType) {
    return multilingualCoefficients(coefficients, regressionType, Study.paper());
  }

  /** {@link #multilingualCoefficients(Table, String)} with {@code study}'s language names and family colours. */
  public static Figure multilingualCoefficients(Table coefficients, String regressionType, Study study) {
    String name = "multilingual_coefficients_" + regressionType + ".png";
    Labels lb = Labels.of(study);
    Palette palette = Palette.of(study);
    Coefs c = Coefs.of(name, coefficients, "family", "language");
    List<String> langs = sorted(mapAll(c.level2, lb::language));
    List<String> fams = sorted(c.level1);
    String[] lang = mapAll(c.level2, lb::language);
    Aggregate a = c.aggregate(langs, fams, lang, c.level1);
    List<Color> colors = fams.stream().map(f -> Palette.desaturate(palette.family(f), 0.75)).toList();
    Panel p = Panel.categoricalX(langs).bars(a.mean, a.lo, a.hi, colors).yLabel("β_{multilingual}")
        .fonts(pt(19.8), pt(21.6), pt(21.6)).categoryLabels(pt(19.8), 0);
    return Facets.of(p).size(640, 490)
        .legend(fams.stream().map(f -> LegendItem.patch(f, colors.get(fams.indexOf(f)))).toList(), 3, Facets.LegendAt.BELOW, pt(19.8), true)
        .figure(name);
  }

  /**
   * {@code multilingual_coefficients.png}: the paper's headline RQ1 coefficient figure, drawn
   * like {@link #multilingualCoefficients(Table, String)} from the model the paper reports
   * (the interaction model by default).
   */
  public static Figure multilingualCoefficients(Table coefficients) {
    return multilingualCoefficients(coefficients, Study.paper());
  }

  /** {@link #multilingualCoefficients(Table)} for {@code study}. */
  public static Figure multilingualCoefficients(Table coefficients, Study study) {
    return multilingualCoefficients(coefficients, "interaction", study).renamed("multilingual_coefficients.png");
  }

  /**
   * {@code multilingual_benchmarks_alignment-model.png}: one panel per language present (two
   * columns, as many rows as needed: 2 × 2 for the paper's four, the paper's height for up to two rows; shared axes, y from 0 to 0.9), points = adjusted cultural alignment of each bootstrap fit against
   * the model's mean multilingual benchmark score, coloured per model; per family a dashed line
   * with slope coefficient/100 through the family's points (intercept = mean of y − slope·x),
   * and a star below its middle where p < 0.05 and the slope is positive.
   *
   * @param plotData the paper's {@code create_plot_data} output: {@code model_name},
   *     {@code language}, {@code multilingual capability} (0–100), {@code cultural alignment},
   *     {@code family}, {@code coefficient} (the family × language β_multilingual of the
   *     regression on capability/100) and {@code p_value}
   */
  public static Figure capabilityVsAlignment(Table plotData) {
    return capabilityVsAlignment(plotData, Study.paper());
  }

  /** {@link #capabilityVsAlignment(Table)} for {@code study}: a line per family present. */
  public static Figure capabilityVsAlignment(Table plotData, Study study) {
    String name = "multilingual_benchmarks_alignment-model.png";
    Labels lb = Labels.of(study);
    Palette palette = Palette.of(study);
    Columns.require(name, plotData, "model_name", "language", "multilingual capability", "cultural alignment", "family", "coefficient", "p_value");
    String[] model = Columns.strings(plotData, "model_name");
    String[] lang = mapAll(Columns.strings(plotData, "language"), lb::language);
    String[] fam = Columns.strings(plotData, "family");
    double[] x = Columns.numbers(name, plotData, "multilingual capability");
    double[] y = Columns.numbers(name, plotData, "cultural alignment");
    double[] coef = Columns.numbers(name, plotData, "coefficient");
    double[] pv = Columns.numbers(name, plotData, "p_value");
    List<String> langs = sorted(lang);
    List<String> models = lb.modelsInOrder(model);
    List<String> families = lineOrder(study, fam);
    int gridRows = (langs.size() + 1) / 2;
    Facets f = Facets.grid(gridRows, 2).shareX(true).shareY(true).size(952, (int) Math.round(1139 * Math.max(2, gridRows) / 2.0)).spacing(40, 30);
    for (int li = 0; li < langs.size(); li++) {
      String l = langs.get(li);
      Panel p = Panel.continuous().style(Panel.Style.WHITEGRID_DESPINE).title(l).yRange(0, 0.9)
          .fonts(pt(21), pt(23), pt(25));
      for (String m : models) {
        double[][] xy = select(x, y, i -> l.equals(lang[i]) && m.equals(lb.modelId(model[i])));
        if (xy[0].length > 0) p.scatter(m, xy[0], xy[1], palette.model(m), 9, false);
      }
      for (String family : families) {
        int[] rows = rows(lang.length, i -> l.equals(lang[i]) && family.equals(fam[i]));
        if (rows.length == 0) continue;
        double slope = coef[rows[0]] / 100, xmin = Double.MAX_VALUE, xmax = -Double.MAX_VALUE, icpt = 0;
        for (int i : rows) { icpt += y[i] - slope * x[i]; xmin = Math.min(xmin, x[i]); xmax = Math.max(xmax, x[i]); }
        icpt /= rows.length;
        Color fc = palette.family(family);
        p.line(family, new double[] {xmin, xmax}, new double[] {slope * xmin + icpt, slope * xmax + icpt},
            new Color(fc.getRed(), fc.getGreen(), fc.getBlue(), 204), 2.1f, new float[] {7.8f, 3.4f});
        if (pv[rows[0]] < 0.05 && slope > 0) {
          double xm = (xmin + xmax) / 2;
          p.text(xm, slope * xm + icpt - 0.9 * 0.05, "*", pt(40), Color.BLACK, "center", "bottom");
        }
      }
      f.set(li / 2, li % 2, p);
    }
    List<LegendItem> items = models.stream().map(m -> LegendItem.marker(lb.displayName(m), palette.model(m))).toList();
    return f.supXLabel("Multilingual Capability").supYLabel("Cultural Alignment").supFont(pt(27.5))
        .legend(items, 3, Facets.LegendAt.BELOW, pt(21), false).figure(name);
  }

  // ====================================================================== RQ2

  /**
   * {@code us_bias_coefficients.png}: β_BiasUS per prompt language (x, in patsy's order of the
   * codes: da, en, nl, pt) and model (hue, paper order), bar = coefficient, whisker = its
   * confidence interval.
   *
   * @param coefficients the RQ2 OLS coefficients ({@code metric_value ~ us*model_name:language}):
   *     {@code term}, {@code coefficient}, {@code conf_int_lower}, {@code conf_int_upper}; only
   *     the {@code us[T.True]:model_name[..]:language[..]} terms are drawn
   */
  public static Figure usBiasCoefficients(Table coefficients) {
    return usBiasCoefficients(coefficients, Study.paper());
  }

  /** {@link #usBiasCoefficients(Table)} for {@code study}. */
  public static Figure usBiasCoefficients(Table coefficients, Study study) {
    String name = "us_bias_coefficients.png";
    Labels lb = Labels.of(study);
    Palette palette = Palette.of(study);
    Columns.require(name, coefficients, "term");
    Table us = coefficients.where(coefficients.stringColumn("term").containsString(":model_name"));
    Coefs c = Coefs.of(name, us.rowCount() > 0 ? us : coefficients, "model_name", "language");
    String[] lang = c.level2;
    List<String> codes = sorted(lang);
    String[] model = mapAll(c.level1, lb::modelId);
    List<String> models = lb.modelsInOrder(model);
    Aggregate a = c.aggregate(codes, models, lang, model);
    List<Color> colors = models.stream().map(m -> Palette.desaturate(palette.model(m), 0.75)).toList();
    Panel p = Panel.categoricalX(codes.stream().map(lb::language).toList()).bars(a.mean, a.lo, a.hi, colors)
        .yLabel("β_{BiasUS}").fonts(pt(18.7), pt(27), pt(20)).categoryLabels(pt(25), 0);
    return Facets.of(p).size(1084, 666)
        .legend(patches(lb, models, colors, true), 3, Facets.LegendAt.BELOW, pt(18.7), true).figure(name);
  }

  // ====================================================================== self-consistency

  /** The reference lines of the paper's self-consistency figure (WVS countries' minimum and maximum, rounded as the paper). */
  public static final double COUNTRY_MINIMUM = 0.66, COUNTRY_MAXIMUM = 0.84;

  /**
   * {@code model-self_consistency.png} with the paper's reference lines and whiskers (seaborn's
   * default: bootstrap 95 % CI of the mean over the rounds, seeded with 0 here).
   *
   * @param consistency one row per bootstrap round, model and language: {@code model} (or
   *     {@code model_name}), {@code language}, {@code self-consistency}
   */
  public static Figure selfConsistency(Table consistency) {
    return selfConsistency(consistency, Study.paper());
  }

  /** {@link #selfConsistency(Table)} for {@code study}. */
  public static Figure selfConsistency(Table consistency, Study study) {
    return selfConsistency(consistency, COUNTRY_MINIMUM, COUNTRY_MAXIMUM, Interval.bootstrapCi(95, 0), study);
  }

  /** As {@link #selfConsistency(Table)} with chosen reference lines and whiskers. */
  public static Figure selfConsistency(Table consistency, double countryMin, double countryMax, Interval interval) {
    return selfConsistency(consistency, countryMin, countryMax, interval, Study.paper());
  }

  /** As {@link #selfConsistency(Table, double, double, Interval)} for {@code study}. */
  public static Figure selfConsistency(Table consistency, double countryMin, double countryMax, Interval interval, Study study) {
    String name = "model-self_consistency.png";
    Labels lb = Labels.of(study);
    Palette palette = Palette.of(study);
    String modelCol = Columns.has(consistency, "model") ? "model" : "model_name";
    Columns.require(name, consistency, modelCol, "language", "self-consistency");
    String[] model = mapAll(Columns.strings(consistency, modelCol), lb::modelId);
    String[] lang = mapAll(Columns.strings(consistency, "language"), lb::language);
    double[] v = Columns.numbers(name, consistency, "self-consistency");
    List<String> langs = sorted(lang);
    List<String> models = lb.modelsInOrder(model);
    Aggregate a = Aggregate.of(langs, models, lang, model, v, interval);
    List<Color> colors = models.stream().map(m -> Palette.desaturate(palette.model(m), 0.75)).toList();
    float[] dotted = {2f, 3.3f}, dashed = {7.7f, 3.3f};
    Panel p = Panel.categoricalX(langs).bars(a.mean, a.lo, a.hi, colors).yRange(0, 1).yLabel("self-consistency")
        .fonts(pt(18.7), pt(30), pt(20)).categoryLabels(pt(28), 0)
        .hline(countryMin, new Color(0, 0, 0, 230), 2f, dotted).hline(countryMax, new Color(0, 0, 0, 230), 2f, dashed);
    List<LegendItem> items = new ArrayList<>(patches(lb, models, colors, true));
    items.add(LegendItem.line("country minimum", Color.BLACK, dotted));
    items.add(LegendItem.line("country maximum", Color.BLACK, dashed));
    return Facets.of(p).size(897, 756).legend(items, 2, Facets.LegendAt.BELOW, pt(18.7), true).figure(name);
  }

  /**
   * {@code cross_effects.png}: horizontal bars of the within- minus between-language
   * consistency gap per model (paper order, model ids as labels), whiskers as seaborn's default
   * (bootstrap 95 % CI of the mean over rounds, seeded with 0).
   *
   * @param gaps one row per bootstrap round and model: {@code model_name}, {@code Consistency Gap}
   */
  public static Figure crossEffects(Table gaps) {
    return crossEffects(gaps, Study.paper());
  }

  /** {@link #crossEffects(Table)} for {@code study}. */
  public static Figure crossEffects(Table gaps, Study study) {
    return crossEffects(gaps, Interval.bootstrapCi(95, 0), study);
  }

  public static Figure crossEffects(Table gaps, Interval interval) {
    return crossEffects(gaps, interval, Study.paper());
  }

  /** {@link #crossEffects(Table, Interval)} for {@code study} (the height grows beyond the paper's nine models). */
  public static Figure crossEffects(Table gaps, Interval interval, Study study) {
    String name = "cross_effects.png";
    Labels lb = Labels.of(study);
    Palette palette = Palette.of(study);
    Columns.require(name, gaps, "model_name", "Consistency Gap");
    String[] model = mapAll(Columns.strings(gaps, "model_name"), lb::modelId);
    double[] v = Columns.numbers(name, gaps, "Consistency Gap");
    List<String> models = lb.modelsInOrder(model);
    // one bar per category: hue = the category itself, as the paper's hue=model_name
    String[] one = new String[model.length];
    Arrays.fill(one, "all");
    Aggregate a = Aggregate.of(models, List.of("all"), model, one, v, interval);
    Panel p = Panel.categoricalY(models).style(Panel.Style.WHITEGRID).fonts(pt(18.7), pt(20.4), pt(20))
        .xLabel("Consistency Gap (Within - Between)");
    // each model its own colour: draw one layer per model
    for (int i = 0; i < models.size(); i++) {
      double[][] m = new double[models.size()][1], lo = new double[models.size()][1], hi = new double[models.size()][1];
      for (double[] r : m) r[0] = Double.NaN;
      for (double[] r : lo) r[0] = Double.NaN;
      for (double[] r : hi) r[0] = Double.NaN;
      m[i][0] = a.mean[i][0]; lo[i][0] = a.lo[i][0]; hi[i][0] = a.hi[i][0];
      p.bars(m, lo, hi, List.of(Palette.desaturate(palette.model(models.get(i)), 0.75)));
    }
    return Facets.of(p).size(838, 458 + 40 * Math.max(0, models.size() - 9)).figure(name);
  }

  // ====================================================================== per-language breakdown

  /**
   * {@code english_{metric}_gt_alignment.png}: English prompts; one panel per level (Country,
   * Language, Global; order of appearance as the paper's sorted data), ground-truth groups on
   * x (rotated 57°), model hue; whiskers = percentile interval 100 over the coefficient and its
   * confidence bounds (the paper's {@code errorbar=("pi", 100)}).
   *
   * @param results the per-language OLS results ({@code alignment ~ 0 + consistency:language +
   *     gt_group:model_name:language}) restricted to relevant groups: {@code model_name},
   *     {@code gt_group}, {@code level} (country/language/global), {@code language}, and either
   *     {@code coefficient}, {@code conf_int_lower}, {@code conf_int_upper} or the paper's
   *     long form with one {@code alignment} value per row
   */
  public static Figure englishAlignment(Table results, String metric) {
    return LanguageBreakdown.reference(results, metric, Study.paper());
  }

  /**
   * {@code monolingual-{metric}-gt_alignment.png}: Danish and Dutch prompts, one row per
   * language and one column per level, titles "Danish | Language"; whiskers = percentile
   * interval 95 over the coefficient and its confidence bounds (the paper's {@code errorbar="pi"}).
   * Columns as {@link #englishAlignment}.
   */
  public static Figure monolingualAlignment(Table results, String metric) {
    return LanguageBreakdown.monolingual(results, metric, Study.paper());
  }

  /** {@code pt-{metric}_gt_alignment.png}: Portuguese prompts; as {@link #englishAlignment}, whiskers pi 95. */
  public static Figure portugueseAlignment(Table results, String metric) {
    return LanguageBreakdown.multiCountry(results, "pt", metric, Study.paper());
  }

  /**
   * The per-language breakdown figures of {@code study}, one set per language present: the
   * reference country's language ({@code english_{metric}_gt_alignment.png} for English), the
   * languages spoken by one country of the study together, one row each
   * ({@code monolingual-{metric}-gt_alignment.png}: Danish and Dutch in the paper), and each
   * other language on its own ({@code {code}-{metric}_gt_alignment.png}: {@code pt-} in the
   * paper). For the paper's study these are {@link #englishAlignment}, {@link #monolingualAlignment}
   * and {@link #portugueseAlignment}.
   */
  public static List<Figure> languageBreakdown(Table results, String metric, Study study) {
    return LanguageBreakdown.all(results, metric, study);
  }

  // ====================================================================== residuals

  /**
   * {@code rq1-robustness.png}: residuals against fitted values of the RQ1 mixed model, drawn
   * as R's lattice {@code plot(lmer)} (open blue circles, reference line at 0).
   */
  public static Figure rq1Residuals(double[] fitted, double[] residuals) {
    return Residuals.lattice(fitted, residuals, "rq1-robustness.png");
  }

  /**
   * {@code rq2-residuals.png}: residuals against fitted values of the RQ2 OLS as R's
   * {@code plot(lm, which = 1)}: open circles, dotted zero line, red LOWESS smoother, the three
   * largest absolute residuals labelled with their (1-based) row numbers.
   */
  public static Figure rq2Residuals(double[] fitted, double[] residuals, String formula) {
    return Residuals.rbase(fitted, residuals, "lm(" + rFormula(formula) + ")", "rq2-residuals.png");
  }

  /** A formula as R deparses it: "y ~ a * b:c" whatever the spacing given. */
  static String rFormula(String formula) {
    return formula.replaceAll("\\s+", "").replace("~", " ~ ").replace("*", " * ").replace("+", " + ");
  }

  /** Table form of the residual figures: columns {@code fitted} and {@code residual}. */
  public static double[][] fittedAndResiduals(String figure, Table t) {
    Columns.require(figure, t, "fitted", "residual");
    return new double[][] {Columns.numbers(figure, t, "fitted"), Columns.numbers(figure, t, "residual")};
  }

  // ====================================================================== WVS descriptives

  /**
   * {@code country_correlations.png}: Pearson correlation of the countries' (and the global)
   * pro scores over shared questions, lower triangle, annotated (".58"), names sorted.
   *
   * @param everyCountry {@code ground_truth_every_country.csv}: {@code cntry_an}, {@code question_key}, {@code pro_score}
   * @param global {@code ground_truth_global.csv}: {@code question_key}, {@code pro_score}
   */
  public static Figure countryCorrelations(Table everyCountry, Table global) {
    return countryCorrelations(everyCountry, global, Study.paper());
  }

  /** {@link #countryCorrelations(Table, Table)} with {@code study}'s country names. */
  public static Figure countryCorrelations(Table everyCountry, Table global, Study study) {
    return WvsFigures.countryCorrelations(everyCountry, global, study);
  }

  /**
   * {@code wvs_language_correlations.png}: correlation of the per-language pro scores (codes
   * sorted), full matrix, not annotated.
   *
   * @param perLanguage {@code ground_truth_per_language.csv}: {@code lnge_iso}, {@code question_key}, {@code pro_score}
   */
  public static Figure languageCorrelations(Table perLanguage) {
    return WvsFigures.languageCorrelations(perLanguage);
  }

  /**
   * {@code country_distributions.png}: violins of the questions' pro scores per country, one
   * panel per interview language (and the global one), in order of appearance.
   *
   * @param everyCountry {@code cntry_an}, {@code question_key}, {@code pro_score}, {@code lnge_iso}
   * @param global {@code question_key}, {@code pro_score}
   */
  public static Figure countryDistributions(Table everyCountry, Table global) {
    return countryDistributions(everyCountry, global, Study.paper());
  }

  /** {@link #countryDistributions(Table, Table)} with {@code study}'s country names. */
  public static Figure countryDistributions(Table everyCountry, Table global, Study study) {
    return WvsFigures.countryDistributions(everyCountry, global, study);
  }

  // ====================================================================== coefficient comparison (our addition)

  /**
   * A forest plot of regression coefficients (not one of the paper's figures): one row per term
   * (order of appearance), a dot at the estimate and a line over its interval, a dotted line at
   * 0, hues (e.g. the paper's table vs ours, or seeds) dodged within a term. For the
   * replication report.
   *
   * @param coefficients {@code term}, {@code coefficient}, {@code conf_int_lower},
   *     {@code conf_int_upper}, and optionally {@code hueColumn} (null: one hue)
   * @param fileName the PNG's name
   */
  public static Figure coefficientComparison(Table coefficients, String hueColumn, String fileName) {
    Columns.require(fileName, coefficients, "term", "coefficient", Columns.lowerBound(coefficients), Columns.upperBound(coefficients));
    if (hueColumn != null) Columns.require(fileName, coefficients, hueColumn);
    String[] term = Columns.strings(coefficients, "term");
    String[] hue = hueColumn == null ? new String[term.length] : Columns.strings(coefficients, hueColumn);
    if (hueColumn == null) Arrays.fill(hue, "coefficient");
    List<String> terms = Aggregate.appearance(term), hues = Aggregate.appearance(hue);
    Coefs c = new Coefs(hue, term, Columns.numbers(fileName, coefficients, "coefficient"),
        Columns.numbers(fileName, coefficients, Columns.lowerBound(coefficients)), Columns.numbers(fileName, coefficients, Columns.upperBound(coefficients)));
    Aggregate a = c.aggregate(terms, hues, term, hue);
    List<Color> colors = new ArrayList<>();
    for (int i = 0; i < hues.size(); i++) colors.add(Palette.DEEP.get(i % Palette.DEEP.size()));
    Panel p = Panel.categoricalY(terms).pointRanges(a.mean, a.lo, a.hi, colors).vline(0, Panel.TEXT, 1.2f, new float[] {2f, 3f})
        .xLabel("coefficient").fonts(14, 16, 16).categoryLabels(13, 0);
    Facets f = Facets.of(p).size(900, (int) Math.max(260, 110 + 26 * terms.size() * Math.max(1, hues.size() / 2.0)));
    if (hueColumn != null) f.legend(java.util.stream.IntStream.range(0, hues.size()).mapToObj(i -> LegendItem.marker(hues.get(i), colors.get(i))).toList(), Math.min(4, hues.size()), Facets.LegendAt.BELOW, 14, false);
    return f.figure(fileName);
  }

  // ====================================================================== saving

  /** Writes each figure into {@code folder} under its paper file name; returns the paths. */
  public static List<Path> saveAll(Path folder, Figure... figures) {
    List<Path> out = new ArrayList<>();
    for (Figure f : figures) out.add(f.saveIn(folder));
    return out;
  }

  /**
   * Writes each figure into {@code folder} and returns what was written as a table (file,
   * folder shown relative to the project root, logical size, kilobytes): the notebooks' record
   * of their outputs, free of this machine's absolute paths.
   */
  public static Table saveAllAsTable(Path folder, Figure... figures) {
    List<Path> paths = saveAll(folder, figures);
    tech.tablesaw.api.StringColumn file = tech.tablesaw.api.StringColumn.create("file"), dir = tech.tablesaw.api.StringColumn.create("folder");
    tech.tablesaw.api.IntColumn w = tech.tablesaw.api.IntColumn.create("width"), h = tech.tablesaw.api.IntColumn.create("height"),
        kb = tech.tablesaw.api.IntColumn.create("kilobytes");
    Path abs = folder.toAbsolutePath().normalize();
    String shown = org.mcalign.data.Dataset.findProjectRoot(Path.of(""))
        .filter(abs::startsWith).map(r -> r.relativize(abs).toString().replace('\\', '/') + "/").orElse(folder.getFileName() + "/");
    for (int i = 0; i < figures.length; i++) {
      file.append(figures[i].fileName());
      dir.append(shown);
      w.append(figures[i].width());
      h.append(figures[i].height());
      try {
        kb.append((int) Math.round(java.nio.file.Files.size(paths.get(i)) / 1024.0));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return Table.create("saved figures", file, dir, w, h, kb);
  }

  /** The paper's figure file names (the 16 of {@code plots/}), for checks that all exist. */
  public static final List<String> PAPER_FILES =
      List.of(
          "country_correlations.png", "country_distributions.png", "cross_effects.png",
          "english_spearman_gt_alignment.png", "model-self_consistency.png",
          "monolingual-spearman-gt_alignment.png", "multilingual_benchmarks_alignment-model.png",
          "multilingual_coefficients.png", "multilingual_coefficients_interaction.png",
          "multilingual_coefficients_no_consistency.png", "multilingual_coefficients_normal.png",
          "pt-spearman_gt_alignment.png", "rq1-robustness.png", "rq2-residuals.png",
          "us_bias_coefficients.png", "wvs_language_correlations.png");

  // ====================================================================== helpers

  static List<LegendItem> patches(Labels lb, List<String> models, List<Color> colors, boolean displayNames) {
    List<LegendItem> out = new ArrayList<>();
    for (int i = 0; i < models.size(); i++)
      out.add(LegendItem.patch(displayNames ? lb.displayName(models.get(i)) : models.get(i), colors.get(i)));
    return out;
  }

  /**
   * The order the capability figure draws its family lines in: the paper's script draws
   * gemma, openai, olmo in that order ({@code plot_multilingual_benchmarks.py}); the families
   * present, in the study's order with the study's second family first (gemma, openai, olmo
   * for the paper's), so a line drawn later lies on top exactly as in the paper's figure.
   */
  static List<String> lineOrder(Study study, String[] families) {
    List<String> present = Aggregate.appearance(families);
    List<String> order = new ArrayList<>(study.families());
    if (order.size() > 1) order.add(0, order.remove(1));
    List<String> out = new ArrayList<>();
    for (String f : order) if (present.contains(f)) out.add(f);
    for (String f : present) if (!out.contains(f)) out.add(f);
    return out;
  }

  static String[] mapAll(String[] v, java.util.function.UnaryOperator<String> f) {
    String[] out = new String[v.length];
    for (int i = 0; i < v.length; i++) out[i] = f.apply(v[i]);
    return out;
  }

  static List<String> sorted(String[] v) {
    List<String> out = new ArrayList<>(Aggregate.appearance(v));
    java.util.Collections.sort(out);
    return out;
  }

  static int[] rows(int n, java.util.function.IntPredicate keep) {
    return java.util.stream.IntStream.range(0, n).filter(keep).toArray();
  }

  static double[][] select(double[] x, double[] y, java.util.function.IntPredicate keep) {
    int[] r = rows(x.length, keep);
    double[] a = new double[r.length], b = new double[r.length];
    for (int i = 0; i < r.length; i++) { a[i] = x[r[i]]; b[i] = y[r[i]]; }
    return new double[][] {a, b};
  }

  /** A coefficient table with two factor levels per row (from columns or parsed from {@code term}). */
  static final class Coefs {
    final String[] level1, level2;
    final double[] coef, lo, hi;

    private Coefs(String[] l1, String[] l2, double[] c, double[] lo, double[] hi) {
      level1 = l1; level2 = l2; coef = c; this.lo = lo; this.hi = hi;
    }

    static Coefs of(String figure, Table t, String factor1, String factor2) {
      String loCol = Columns.lowerBound(t);
      String hiCol = Columns.upperBound(t);
      boolean parsed = !(Columns.has(t, factor1) && Columns.has(t, factor2));
      if (parsed) Columns.require(figure, t, "term", "coefficient", loCol, hiCol);
      else Columns.require(figure, t, factor1, factor2, "coefficient", loCol, hiCol);
      double[] c = Columns.numbers(figure, t, "coefficient"), l = Columns.numbers(figure, t, loCol), h = Columns.numbers(figure, t, hiCol);
      String[] a, b;
      if (parsed) {
        String[] term = Columns.strings(t, "term");
        a = new String[term.length];
        b = new String[term.length];
        for (int i = 0; i < term.length; i++) { a[i] = Terms.level(term[i], factor1); b[i] = Terms.level(term[i], factor2); }
      } else {
        a = Columns.strings(t, factor1);
        b = Columns.strings(t, factor2);
      }
      List<Integer> keep = new ArrayList<>();
      for (int i = 0; i < a.length; i++) if (a[i] != null && b[i] != null && !Double.isNaN(c[i])) keep.add(i);
      if (keep.isEmpty())
        throw new IllegalArgumentException(figure + ": no coefficient of table '" + t.name() + "' names both a " + factor1 + " and a " + factor2
            + (parsed ? " in its term (e.g. " + factor1 + "[..]:" + factor2 + "[..])" : ""));
      int n = keep.size();
      String[] ka = new String[n], kb = new String[n];
      double[] kc = new double[n], kl = new double[n], kh = new double[n];
      for (int j = 0; j < n; j++) { int i = keep.get(j); ka[j] = a[i]; kb[j] = b[i]; kc[j] = c[i]; kl[j] = l[i]; kh[j] = h[i]; }
      return new Coefs(ka, kb, kc, kl, kh);
    }

    /** Bars at the coefficients, whiskers at the interval bounds, in the given orders. */
    Aggregate aggregate(List<String> xOrder, List<String> hueOrder, String[] x, String[] hue) {
      Map<String, Integer> xi = index(xOrder), hi2 = index(hueOrder);
      Aggregate a = Aggregate.of(xOrder, hueOrder, new String[0], new String[0], new double[0], Interval.none());
      for (int i = 0; i < coef.length; i++) {
        Integer c = xi.get(x[i]), h = hi2.get(hue[i]);
        if (c == null || h == null) continue;
        a.mean[c][h] = coef[i];
        a.lo[c][h] = lo[i];
        a.hi[c][h] = hi[i];
      }
      return a;
    }
  }

  static Map<String, Integer> index(List<String> order) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) m.put(order.get(i), i);
    return m;
  }
}
