package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.mcalign.data.Study;
import org.mcalign.plot.CatPlot;
import org.mcalign.plot.Figure;
import org.mcalign.plot.Interval;
import tech.tablesaw.api.Table;

/**
 * The exploratory plots of the paper's {@code analyse_hypotheses.py} (its {@code plot_*}
 * functions, under its file names {@code {metric}_n{rounds}_{analysis}.png} and
 * {@code {family}_{metric}_n{rounds}_by_family_{analysis}.png}), each with a caption saying what
 * its bars and whiskers are. Bars are the mean over the bootstrap rounds, whiskers seaborn's
 * default as in the paper's script ({@link #INTERVAL}). One difference from the paper: its
 * family plot of the monocultural analysis merges two random samples of 1,000 rows (seeded with
 * its {@code RANDOM_SEED}) on model and country, pairing rows of different rounds; here each
 * round's Native value is paired with the same round's English value.
 */
public final class HypothesesGallery {
  private HypothesesGallery() {}

  /** seaborn's default whisker in the paper's plots: bootstrap 95 % CI of the mean of the rounds (1,000 resamples, seed 0 here). */
  public static final Interval INTERVAL = Interval.bootstrapCi(95, 0);

  /** One figure of the gallery and its caption (Markdown). */
  public record Captioned(Figure figure, String caption) {}

  static List<Captioned> of(HypothesesScript s) {
    List<Captioned> out = new ArrayList<>();
    String p = s.metric().id() + "_n" + s.settings().hypothesisRounds() + "_";
    for (AnalysisResult r : s.results()) {
      Table t = r.table();
      switch (r.name()) {
        case "english_language_alignment" -> out.add(new Captioned(
            CatPlot.of(s.study(), p + "english_language_alignment.png", str(t, "model_name"), num(t, "metric_value"))
                .hue(str(t, "cntry_an")).title("English Language Alignment").labels("model", "Alignment Score").interval(INTERVAL).figure(),
            caption(s, "English prompts against the ground truth of each country whose language is English, per model (x) and country (colour)",
                "(model, country)")));
        case "cross_linguistic_cultural_transfer" -> {
          out.add(crossTransfer(s, t, p));
          out.add(crossTransferByFamily(s, t, p));
        }
        case "monocultural_alignment" -> {
          out.add(new Captioned(
              CatPlot.of(s.study(), p + "monocultural_alignment.png", str(t, "cntry_an"), num(t, "metric_value")).hue(str(t, "response_language"))
                  .col(str(t, "model_name")).colWrap(3).labels("Country", "Alignment to Country's Values").interval(INTERVAL).figure(),
              caption(s, "English prompts against non-English-speaking countries (English) and prompts in a country's own language "
                  + "answered in it (Native), per country (x), prompt kind (colour) and model (panel)", "(model, prompt kind, country)")));
          out.add(monoculturalByFamily(s, t, p));
        }
        case "extreme_absolute_performance", "extreme_relative_performance" -> {
          boolean abs = r.name().startsWith("extreme_absolute");
          String y = abs ? "Alignment Score" : "Alignment Score (Model - Random)";
          String what = abs ? "Responses against the countries whose language is the prompt's"
              : "Each model's metric minus the uniform-random baseline's in the same round, response language and country";
          out.add(new Captioned(CatPlot.of(s.study(), p + r.name() + ".png", str(t, "cntry_an"), num(t, "metric_value")).hue(str(t, "model_name"))
              .title(abs ? "Absolute Performance" : "Relative Performance").labels("Country", y).interval(INTERVAL).figure(),
              caption(s, what + ", per country (x) and model (colour), all response languages together", "(model, response language, country)")));
          out.addAll(byFamily(s, t, p, r.name(), y, what));
        }
        default -> { } // extreme_relative_all_combinations: the paper draws no plot
      }
    }
    return out;
  }

  private static Captioned crossTransfer(HypothesesScript s, Table t, String p) {
    int n = t.rowCount();
    String[] x = new String[2 * n], hue = new String[2 * n], col = new String[2 * n];
    double[] v = new double[2 * n];
    String[] c = str(t, "cntry_an"), m = str(t, "model_name");
    double[] nat = num(t, "Native Alignment"), us = num(t, "US Alignment");
    for (int i = 0; i < n; i++) {
      x[i] = x[n + i] = c[i];
      col[i] = col[n + i] = m[i];
      hue[i] = "Native Alignment";
      hue[n + i] = "US Alignment";
      v[i] = nat[i];
      v[n + i] = us[i];
    }
    return new Captioned(CatPlot.of(s.study(), p + "cross_linguistic_cultural_transfer.png", x, v).hue(hue).col(col).colWrap(3)
        .labels("cntry_an", "Alignment Score").interval(INTERVAL).figure(),
        caption(s, "Prompts answered in their own language against their country's ground truth (Native Alignment) and against "
            + "the United States' (US Alignment), per non-US country (x) and model (panel)", "(model, country, language)"));
  }

  private static Captioned crossTransferByFamily(HypothesesScript s, Table t, String p) {
    double[] nat = num(t, "Native Alignment"), us = num(t, "US Alignment"), d = new double[nat.length];
    for (int i = 0; i < d.length; i++) d[i] = nat[i] - us[i];
    String[] m = str(t, "model_name");
    return new Captioned(CatPlot.of(s.study(), p + "by_family_cross_linguistic_cultural_transfer.png", str(t, "cntry_an"), d).hue(m)
        .col(str(t, "language_x")).row(families(s.study(), m)).title("Cross-Linguistic Cultural Transfer by Model Family")
        .labels("Country", "Alignment Difference (Native - US)").interval(INTERVAL).figure(),
        caption(s, "Native minus US alignment of the same round, per country (x), model (colour), language (column) and model "
            + "family (row)", "(model, country, language)"));
  }

  private static Captioned monoculturalByFamily(HypothesesScript s, Table t, String p) {
    String[] m = str(t, "model_name"), c = str(t, "cntry_an"), kind = str(t, "response_language");
    double[] v = num(t, "metric_value");
    int[] round = t.intColumn("round").asIntArray();
    java.util.Map<String, Double> english = new java.util.HashMap<>();
    String englishName = s.study().languageName(s.study().referenceLanguage());
    for (int i = 0; i < v.length; i++) if (kind[i].equals(englishName)) english.put(m[i] + "|" + c[i] + "|" + round[i], v[i]);
    List<String> x = new ArrayList<>(), hue = new ArrayList<>();
    List<Double> d = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      if (!kind[i].equals("Native")) continue;
      Double e = english.get(m[i] + "|" + c[i] + "|" + round[i]);
      if (e == null) continue;
      x.add(c[i]);
      hue.add(m[i]);
      d.add(v[i] - e);
    }
    String[] models = hue.toArray(String[]::new);
    return new Captioned(CatPlot.of(s.study(), p + "by_family_monocultural_alignment.png", x.toArray(String[]::new),
            d.stream().mapToDouble(Double::doubleValue).toArray()).hue(models).col(families(s.study(), models)).colWrap(2)
        .title("Monocultural Alignment by Model Family (Survey Hypothetical)").labels("Country", "Difference (Native - English)")
        .interval(INTERVAL).figure(),
        caption(s, "Native minus English alignment of the same round, per country with both (x), model (colour) and family "
            + "(panel); the paper's figure pairs two seeded random samples of rows instead of rounds", "(model, country)"));
  }

  /** The paper's per-family plots: one figure per family (the baselines on their own first, as the paper's loop). */
  private static List<Captioned> byFamily(HypothesesScript s, Table t, String p, String name, String y, String what) {
    String[] m = str(t, "model_name"), fam = families(s.study(), m);
    List<Captioned> out = new ArrayList<>();
    for (String f : new LinkedHashSet<>(orderedFamilies(s.study(), fam))) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < m.length; i++) if (fam[i].equals(f) || fam[i].equals(Study.BASELINE_FAMILY)) rows.add(i);
      Table sub = t.rows(rows.stream().mapToInt(Integer::intValue).toArray());
      out.add(new Captioned(CatPlot.of(s.study(), f + "_" + p + "by_family_" + name + ".png", str(sub, "cntry_an"), num(sub, "metric_value"))
          .hue(str(sub, "model_name")).col(str(sub, "response_language")).labels("Country", y).interval(INTERVAL)
          .title(y.startsWith("Alignment Score (") ? "Relative Performance by Model Family (" + f + ")" : null).figure(),
          caption(s, what + ", family " + f + (f.equals(Study.BASELINE_FAMILY) ? "" : " with the baselines") + ", per country (x), model "
              + "(colour) and response language (panel)", "(model, response language, country)")));
    }
    return out;
  }

  private static List<String> orderedFamilies(Study study, String[] fam) {
    List<String> out = new ArrayList<>();
    for (String f : study.allFamilies()) for (String x : fam) if (x.equals(f) && !out.contains(f)) out.add(f);
    return out;
  }

  private static String[] families(Study study, String[] models) {
    String[] f = new String[models.length];
    for (int i = 0; i < f.length; i++) f[i] = Models.family(study, models[i], "the hypotheses' results");
    return f;
  }

  static String metricLabel(Metric m) {
    return switch (m) {
      case MEAN_ALIGNMENT -> "mean alignment, 1 − mean |response pro score − ground-truth pro score|";
      case SPEARMAN -> "Spearman correlation of response and ground-truth pro scores";
      case PEARSON -> "Pearson correlation of response and ground-truth pro scores";
    };
  }

  private static String caption(HypothesesScript s, String what, String group) {
    int rounds = s.settings().hypothesisRounds();
    String gt = s.threshold() == null ? "all " + s.groundTruthRows()[1] + " ground-truth rows"
        : "ground truth with |pro score − 0.5| > " + s.threshold() + " (" + s.groundTruthRows()[0] + " of " + s.groundTruthRows()[1] + " rows)";
    return (s.demo() ? "DEMO — synthetic data with planted effects. " : "") + what + ". Metric: " + metricLabel(s.metric()) + ", on " + gt + ". Bars: mean of the metric over " + rounds
        + " rounds, each computed on " + s.settings().perGroupSample() + " rows drawn with replacement per " + group
        + "; whiskers: " + INTERVAL + " (seaborn's default, as the paper's plot); n = " + rounds + " rounds per bar; seed "
        + s.seed() + ".";
  }

  private static String[] str(Table t, String c) {
    return t.stringColumn(c).asObjectArray();
  }

  private static double[] num(Table t, String c) {
    return t.doubleColumn(c).asDoubleArray();
  }
}
