package org.mcalign.notebook.findings;

import static org.mcalign.notebook.findings.Prose.f;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.Analyses;
import org.mcalign.data.Paper;
import org.mcalign.notebook.Numbers;
import org.mcalign.plot.Descriptives;
import org.mcalign.plot.Figure;
import org.mcalign.plot.Figures;
import org.mcalign.wvs.MicrodataSynthesizer;
import tech.tablesaw.api.Table;

/** Notebook 10 (WVS descriptives): what the ground truth's tables and figures show. */
public final class WvsFindings extends NotebookFindings {

  WvsFindings(AnalysisInputs in) {
    super(in, "10-wvs-descriptives");
  }

  /** The findings on the notebooks' dataset ({@link Analyses#inputs()}). */
  public static WvsFindings of() {
    return new WvsFindings(Analyses.inputs());
  }

  private Table everyCountry() {
    return in.groundTruthEveryCountry();
  }

  /** The dataset; on the DEMO the items planted in the generated microdata and whether they show. */
  public Object dataset() {
    String runText = "the published ground truth (no resampling)";
    if (!demo) return Prose.dataset(in, runText, null, null);
    List<MicrodataSynthesizer.Plant> plants = MicrodataSynthesizer.Settings.DEFAULT_PLANTS;
    List<String> words = new ArrayList<>();
    Prose.Checks checks = new Prose.Checks();
    for (MicrodataSynthesizer.Plant p : plants) {
      boolean up = p.shift() > 0;
      words.add((p.kind() == MicrodataSynthesizer.Plant.Kind.COUNTRY ? Prose.country(p.group()) : Prose.language(p.group()) + " speakers")
          + " far " + (up ? "more" : "less") + " pro on " + p.item());
      Table t = p.kind() == MicrodataSynthesizer.Plant.Kind.COUNTRY ? everyCountry() : in.groundTruthPerLanguage();
      String key = p.kind() == MicrodataSynthesizer.Plant.Kind.COUNTRY ? "cntry_an" : "lnge_iso";
      Table item = t.where(t.stringColumn("question_key").lowerCase().isEqualTo(p.item().toLowerCase()));
      if (item.rowCount() == 0) {
        checks.add(p.item() + " for " + p.group(), "not among the DEMO dataset's items", false);
        continue;
      }
      item = up ? item.sortDescendingOn("pro_score") : item.sortAscendingOn("pro_score");
      checks.add(p.group() + " " + (up ? "highest" : "lowest") + " on " + p.item(),
          item.getString(0, key) + " " + (up ? "highest" : "lowest") + " (" + f(item.doubleColumn("pro_score").getDouble(0), 2) + ")",
          item.getString(0, key).equalsIgnoreCase(p.group()));
    }
    String planted = "generated EVS/WVS microdata (stage 1's DEMO): country effects and respondents' traits are random draws,"
        + " plus planted shifts: " + Prose.and(words) + ". Nothing else in these figures is planted.";
    return Prose.dataset(in, runText, planted, checks.table());
  }

  /** Pro scores per country and what they say. */
  public Finding proScores() {
    Table t = Descriptives.proScoresByCountry(everyCountry(), in.groundTruthGlobal());
    Table countries = t.where(t.stringColumn("country").isNotEqualTo("Global"));
    double[] q = countries.intColumn("questions").asDoubleArray(), m = Prose.values(countries, "mean_pro_score"),
        sd = Prose.values(countries, "sd_pro_score");
    int lo = argMin(m), hi = argMax(m);
    String text = "Every country has a pro score for " + Numbers.range(Prose.min(q), Prose.max(q), 0) + " of the questions; the"
        + " mean pro score lies between " + f(m[lo], 2) + " (" + countries.getString(lo, "country") + ") and " + f(m[hi], 2) + " ("
        + countries.getString(hi, "country") + "), and the spread within a country (standard deviation "
        + Numbers.range(Prose.min(sd), Prose.max(sd), 2) + ") is " + (Prose.min(sd) > m[hi] - m[lo] ? "far larger than" : "comparable to")
        + " the differences between the countries' means.";
    return new Finding(t, text);
  }

  /** The country correlation matrix (what the heatmap draws) and what it says. */
  public Finding countryCorrelations() {
    Table c = Descriptives.countryCorrelations(everyCountry(), in.groundTruthGlobal());
    List<String> western = new ArrayList<>();
    for (String code : List.of("AU", "CA", "GB", "NIR", "NZ", "US", "DK", "NL")) {
      String n = Prose.country(code);
      if (c.stringColumn("group").contains(n)) western.add(n);
    }
    double[] w = pairs(c, western, western);
    String text = "Among " + Prose.and(western.stream().map(Prose::place).toList()) + " the correlations lie between " + f(Prose.min(w), 2)
        + " and " + f(Prose.max(w), 2) + ".";
    String ke = Prose.country("KE"), ng = Prose.country("NG"), us = Prose.country("US");
    if (c.stringColumn("group").contains(ke) && c.stringColumn("group").contains(ng)) {
      double[] far = pairs(c, List.of(ke, ng), List.of(Prose.country("NL"), Prose.country("DK")));
      text += " " + ke + " and " + ng + " correlate " + f(cell(c, ke, ng), 2) + " with each other, " + f(cell(c, ke, "Global"), 2)
          + " and " + f(cell(c, ng, "Global"), 2) + " with the global pro scores, but only " + Numbers.range(Prose.min(far), Prose.max(far), 2)
          + " with the Netherlands and Denmark; the United States correlates " + f(cell(c, us, Prose.country("AU")), 2) + " with Australia and "
          + f(cell(c, us, ng), 2) + " with Nigeria, so \"English-speaking\" is not one culture in this ground truth.";
    }
    return new Finding(c, text);
  }

  /** The language correlation matrix and what it says. */
  public Finding languageCorrelations() {
    Table c = Descriptives.languageCorrelations(in.groundTruthPerLanguage());
    List<String> langs = c.stringColumn("group").asList();
    List<String> parts = new ArrayList<>();
    for (String a : langs) {
      List<String> others = new ArrayList<>(langs);
      others.remove(a);
      double[] v = pairs(c, List.of(a), others);
      parts.add(Prose.language(a) + " " + Numbers.range(Prose.min(v), Prose.max(v), 2));
    }
    double best = -2;
    String pair = "";
    for (int i = 0; i < langs.size(); i++)
      for (int j = i + 1; j < langs.size(); j++)
        if (cell(c, langs.get(i), langs.get(j)) > best) {
          best = cell(c, langs.get(i), langs.get(j));
          pair = Prose.language(langs.get(i)) + " and " + Prose.language(langs.get(j));
        }
    String text = "Pooled by interview language, " + pair + " respondents agree most (" + f(best, 2) + "); each language's"
        + " correlations with the others: " + String.join(", ", parts) + ". A language's ground truth mixes the cultures that speak"
        + " it, which is why the paper also measures alignment per country.";
    return new Finding(c, text);
  }

  private static double cell(Table c, String row, String col) {
    int i = c.stringColumn("group").indexOf(row);
    return i < 0 || !c.columnNames().contains(col) ? Double.NaN : c.doubleColumn(col).getDouble(i);
  }

  /** Correlations of every a in {@code as} with every different b in {@code bs}. */
  private static double[] pairs(Table c, List<String> as, List<String> bs) {
    List<Double> v = new ArrayList<>();
    for (String a : as)
      for (String b : bs)
        if (!a.equals(b) && !Double.isNaN(cell(c, a, b))) v.add(cell(c, a, b));
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** {@code country_correlations.png} with its caption. */
  public Figure countryCorrelationFigure() {
    Figure f = Analyses.figure(Figures.countryCorrelations(everyCountry(), in.groundTruthGlobal()));
    outputs.figure(f);
    return f.withCaption("**" + f.fileName() + ".** Cells: Pearson correlation between two countries' (or a country's and the global)"
        + " pro scores over the questions both have (" + questionRange() + " per country), lower triangle, annotated without the"
        + " leading zero; the table above holds every value. No intervals: these are correlations of the published ground truth,"
        + " whose own sampling error the paper does not report.");
  }

  /** {@code wvs_language_correlations.png} with its caption. */
  public Figure languageCorrelationFigure() {
    Figure f = Analyses.figure(Figures.languageCorrelations(in.groundTruthPerLanguage()));
    outputs.figure(f);
    return f.withCaption("**" + f.fileName() + ".** Cells: Pearson correlation between two interview languages' pro scores over the"
        + " questions both have, full matrix without annotations (as the paper's); the values are in the table above. No intervals.");
  }

  /** {@code country_distributions.png} with its caption. */
  public Figure distributionsFigure() {
    Figure f = Analyses.figure(Figures.countryDistributions(everyCountry(), in.groundTruthGlobal()));
    outputs.figure(f);
    return f.withCaption("**" + f.fileName() + ".** Violins: Gaussian kernel density (Scott's bandwidth, cut at 2 bandwidths beyond the"
        + " data, every violin of area 1) of a country's pro scores over its " + questionRange() + " questions, one panel per"
        + " interview language and one for the global scores. Inside each: box from the first to the third quartile, white dot at"
        + " the median, whiskers to the furthest score within 1.5 interquartile ranges (seaborn's default); these show the"
        + " spread of the questions' scores, not intervals of an estimate.");
  }

  private String questionRange() {
    Table t = Descriptives.proScoresByCountry(everyCountry(), in.groundTruthGlobal());
    double[] q = t.intColumn("questions").asDoubleArray();
    return Numbers.range(Prose.min(q), Prose.max(q), 0);
  }

  /** What the distributions show, against the table of pro scores. */
  public Finding distributions() {
    Table t = Descriptives.proScoresByCountry(everyCountry(), in.groundTruthGlobal());
    Table countries = t.where(t.stringColumn("country").isNotEqualTo("Global"));
    double global = t.where(t.stringColumn("country").isEqualTo("Global")).doubleColumn("sd_pro_score").getDouble(0);
    double[] sd = Prose.values(countries, "sd_pro_score");
    long wider = Prose.count(sd, x -> x > global);
    String text = "The global scores spread less (standard deviation " + f(global, 2) + ") than " + wider + " of the "
        + sd.length + " countries' (" + Numbers.range(Prose.min(sd), Prose.max(sd), 2) + "): pooling all respondents averages out"
        + " national extremes.";
    return new Finding(t.selectColumns("country", "language", "questions", "sd_pro_score"), text);
  }

  /** Writes the figures and provenance; lists what was written. */
  public Table save() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("notebook", "10-wvs-descriptives");
    settings.put("inputs", List.of("ground_truth_every_country.csv", "ground_truth_global.csv", "ground_truth_per_language.csv"));
    outputs.table("country_correlations.csv", Descriptives.countryCorrelations(everyCountry(), in.groundTruthGlobal()))
        .table("language_correlations.csv", Descriptives.languageCorrelations(in.groundTruthPerLanguage()))
        .table("pro_scores_by_country.csv", Descriptives.proScoresByCountry(everyCountry(), in.groundTruthGlobal()));
    return outputs.write(0, settings);
  }

  private static int argMin(double[] v) {
    int k = 0;
    for (int i = 1; i < v.length; i++) if (v[i] < v[k]) k = i;
    return k;
  }

  private static int argMax(double[] v) {
    int k = 0;
    for (int i = 1; i < v.length; i++) if (v[i] > v[k]) k = i;
    return k;
  }
}
