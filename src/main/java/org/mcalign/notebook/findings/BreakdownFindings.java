package org.mcalign.notebook.findings;

import org.mcalign.data.Study;
import static org.mcalign.notebook.findings.Prose.f;
import static org.mcalign.notebook.findings.Prose.md;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.Analyses;
import org.mcalign.analysis.LanguageBreakdown;
import org.mcalign.analysis.PaperAnalysis;
import org.mcalign.data.Paper;
import org.mcalign.notebook.MimeBundle;
import org.mcalign.notebook.Numbers;
import org.mcalign.plot.Figure;
import org.mcalign.plot.Figures;
import org.mcalign.stats.OlsResults;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 11 (alignment per language and ground-truth level): what its tables and figures show. */
public final class BreakdownFindings extends NotebookFindings {
  private final PaperAnalysis.Result run;
  private Table data;

  BreakdownFindings(PaperAnalysis.Result run, AnalysisInputs in) {
    super(in, "11-language-breakdown");
    this.run = run;
  }

  public static BreakdownFindings of(PaperAnalysis.Result run) {
    return new BreakdownFindings(run, Analyses.inputs());
  }

  private Table coefficients() {
    return run.table("language_breakdown_coefficients.csv");
  }

  /** The regression's data: the ground-truth groups relevant to each prompt language. */
  public Table data() {
    if (data == null) data = LanguageBreakdown.data(run.totalGtAlignment(), in);
    return data;
  }

  /** The dataset and run; on the DEMO what was planted and whether each family's best-aligned group shows it. */
  public Object dataset() {
    String runText = Prose.seedPhrase(run.seed()) + ", " + run.settings().totalGtRounds() + " bootstrap rounds of the total ground-truth alignment";
    if (!demo) return Prose.dataset(in, runText, null, null);
    String planted = "the Gemma models answer with the opinions of the prompt language's speakers, the OpenAI models with the"
        + " United States' whatever the language, the OLMo models at random. Expected: prompted in Danish, Dutch or Portuguese,"
        + " Gemma aligns best with that language's speakers and OpenAI with the United States.";
    Prose.Checks checks = new Prose.Checks();
    Table c = coefficients();
    for (String lang : List.of("Danish", "Dutch", "Portuguese")) {
      String gemma = best(c, lang, Study.paper().modelsOf("gemma")), openai = best(c, lang, Study.paper().modelsOf("openai"));
      checks.add("in " + lang + ": Gemma best with " + lang + " speakers", "Gemma's best group: " + gemma, gemma.equals(lang));
      String us = Prose.country("US");
      checks.add("in " + lang + ": OpenAI best with the United States", "OpenAI's best group: " + openai, openai.equals(us));
    }
    return Prose.dataset(in, runText, planted, checks.table());
  }

  /** The group with the highest mean coefficient over the given models, in one prompt language (global level excluded). */
  private static String best(Table c, String lang, List<String> models) {
    Map<String, List<Double>> byGroup = new LinkedHashMap<>();
    for (int i = 0; i < c.rowCount(); i++)
      if (c.getString(i, "language").equals(lang) && models.contains(c.getString(i, "model_name")) && !c.getString(i, "level").equals("Global"))
        byGroup.computeIfAbsent(c.getString(i, "gt_group"), k -> new ArrayList<>()).add(c.doubleColumn("coefficient").getDouble(i));
    return byGroup.entrySet().stream()
        .max(Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(v -> v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))))
        .map(Map.Entry::getKey).orElse("none");
  }

  /** The size of the data, as a sentence. */
  public MimeBundle dataSize() {
    Table d = data();
    int groups = 0;
    for (String l : d.stringColumn("language").unique()) groups += Prose.where(d, "language", l).stringColumn("gt_group").countUnique();
    int models = d.stringColumn("model_name").countUnique(), rounds = d.intColumn("round").countUnique();
    return md("One row per model, ground-truth group and round for the groups relevant to each prompt language (its countries, its"
        + " language community, the US, English speakers and the world): " + groups + " language × group pairs × " + models
        + " models × " + rounds + " rounds = " + Numbers.count(d.rowCount()) + " rows.");
  }

  /** Per prompt language and level, the mean coefficient of each group over the models, and what it says. */
  public Finding coefficientsByGroup() {
    Table c = coefficients();
    StringColumn lang = StringColumn.create("language"), level = StringColumn.create("level"), group = StringColumn.create("gt_group"),
        worst = StringColumn.create("least_aligned_model");
    DoubleColumn mean = DoubleColumn.create("mean_over_models"), lo = DoubleColumn.create("lowest_model"), hi = DoubleColumn.create("highest_model");
    Map<String, List<Integer>> cells = new LinkedHashMap<>();
    for (int i = 0; i < c.rowCount(); i++)
      cells.computeIfAbsent(c.getString(i, "language") + "\u0000" + c.getString(i, "level") + "\u0000" + c.getString(i, "gt_group"), k -> new ArrayList<>()).add(i);
    List<String> keys = new ArrayList<>(cells.keySet());
    keys.sort(null);
    for (String k : keys) {
      String[] p = k.split("\u0000");
      List<Integer> rows = cells.get(k);
      double[] v = rows.stream().mapToDouble(i -> c.doubleColumn("coefficient").getDouble(i)).toArray();
      int w = 0;
      for (int j = 1; j < v.length; j++) if (v[j] < v[w]) w = j;
      lang.append(p[0]);
      level.append(p[1]);
      group.append(p[2]);
      mean.append(Prose.mean(v));
      lo.append(Prose.min(v));
      hi.append(Prose.max(v));
      worst.append(Prose.model(c.getString(rows.get(w), "model_name")));
    }
    Table facts = Table.create("coefficients per prompt language and ground-truth group", lang, level, group, mean, lo, hi, worst);
    return new Finding(facts, "Each row summarises one group's bars in the figures below: the mean, lowest and highest of the nine"
        + " models' consistency-adjusted alignments, and which model is least aligned with that group.");
  }

  /** {@code english_spearman_gt_alignment.png} with its caption and what it shows. */
  public Figure englishFigure() {
    Figure f = Analyses.figure(Figures.englishAlignment(coefficients(), "spearman"));
    outputs.figure(f);
    return f.withCaption(caption(f, "English", "the 95 % confidence interval itself (the paper's `errorbar=(\"pi\", 100)` over the"
        + " lower bound, the estimate and the upper bound)") + " " + englishText());
  }

  /** {@code monolingual-spearman-gt_alignment.png} with its caption and what it shows. */
  public Figure monolingualFigure() {
    Figure f = Analyses.figure(Figures.monolingualAlignment(coefficients(), "spearman"));
    outputs.figure(f);
    return f.withCaption(caption(f, "Danish and Dutch", PI95) + " " + ownVersusUs("Danish", "Denmark") + " " + ownVersusUs("Dutch", "Netherlands"));
  }

  /** {@code pt-spearman_gt_alignment.png} with its caption and what it shows. */
  public Figure portugueseFigure() {
    Figure f = Analyses.figure(Figures.portugueseAlignment(coefficients(), "spearman"));
    outputs.figure(f);
    return f.withCaption(caption(f, "Portuguese", PI95) + " " + portugueseText());
  }

  private static final String PI95 = "95 % of the way from the estimate to each bound of its 95 % confidence interval (the paper's"
      + " `errorbar=\"pi\"`, a 95 % percentile interval over the lower bound, the estimate and the upper bound; so these whiskers"
      + " are slightly shorter than the intervals in the table of coefficients)";

  private String caption(Figure f, String languages, String whiskers) {
    OlsResults fit = (OlsResults) run.regressions().get("language_breakdown_ols");
    return "**" + f.fileName() + ".** Prompts in " + languages + ". Bars: a model's consistency-adjusted alignment with a ground-truth"
        + " group, the OLS coefficient of `gt_group:model_name:language` in `" + LanguageBreakdown.FORMULA + "` (one fit on "
        + Numbers.count(fit.nobs()) + " rows), per level (country, language community, global). Whiskers: " + whiskers + ".";
  }

  private Table levelMeans(String lang) {
    Table c = coefficients();
    return c.where(c.stringColumn("language").isEqualTo(lang));
  }

  private String englishText() {
    Table t = levelMeans("English");
    Table countries = t.where(t.stringColumn("level").isEqualTo("Country"));
    List<Map.Entry<String, Double>> order = groupMeans(countries);
    String top = order.get(order.size() - 1).getKey(), top2 = order.get(order.size() - 2).getKey();
    String low = order.get(0).getKey(), low2 = order.get(1).getKey();
    return "In English, alignment is highest with " + Prose.place(top) + " and " + Prose.place(top2) + " (mean over models " + f(order.get(order.size() - 1).getValue(), 2)
        + ", " + f(order.get(order.size() - 2).getValue(), 2) + ") and lowest with " + Prose.place(low) + " and " + Prose.place(low2) + " ("
        + f(order.get(0).getValue(), 2) + ", " + f(order.get(1).getValue(), 2) + "); " + leastAlignedEverywhere(t) + ".";
  }

  /** "GPT-3.5 Turbo is the least aligned model at every level" or which model is least aligned per level. */
  private static String leastAlignedEverywhere(Table t) {
    Map<String, String> byLevel = new LinkedHashMap<>();
    for (String level : List.of("Country", "Language", "Global")) {
      Table r = t.where(t.stringColumn("level").isEqualTo(level));
      if (r.rowCount() == 0) continue;
      Map<String, List<Double>> byModel = new LinkedHashMap<>();
      for (int i = 0; i < r.rowCount(); i++) byModel.computeIfAbsent(r.getString(i, "model_name"), k -> new ArrayList<>()).add(r.doubleColumn("coefficient").getDouble(i));
      String worst = byModel.entrySet().stream().min(Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(
          v -> v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)))).get().getKey();
      byLevel.put(level.toLowerCase(), Prose.model(worst));
    }
    if (byLevel.values().stream().distinct().count() == 1) return byLevel.values().iterator().next() + " is the least aligned model at every level";
    List<String> parts = new ArrayList<>();
    byLevel.forEach((l, m) -> parts.add(m + " at the " + l + " level"));
    return "the least aligned models are " + Prose.and(parts);
  }

  private static List<Map.Entry<String, Double>> groupMeans(Table t) {
    Map<String, List<Double>> g = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) g.computeIfAbsent(t.getString(i, "gt_group"), k -> new ArrayList<>()).add(t.doubleColumn("coefficient").getDouble(i));
    List<Map.Entry<String, Double>> out = new ArrayList<>();
    g.forEach((k, v) -> out.add(Map.entry(k, v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))));
    out.sort(Map.Entry.comparingByValue());
    return out;
  }

  /** How many models align better with the language's own country and speakers than with the US and English speakers. */
  private String ownVersusUs(String lang, String country) {
    Table t = levelMeans(lang);
    int ownCountry = 0, ownLanguage = 0, n = 0;
    for (String m : t.stringColumn("model_name").unique()) {
      Table r = t.where(t.stringColumn("model_name").isEqualTo(m));
      double c = value(r, country), us = value(r, Prose.country("US")), l = value(r, lang), en = value(r, "English");
      n++;
      if (c > us) ownCountry++;
      if (l > en) ownLanguage++;
    }
    double global = Prose.mean(Prose.values(t.where(t.stringColumn("level").isEqualTo("Global")), "coefficient"));
    List<Map.Entry<String, Double>> others = groupMeans(t.where(t.stringColumn("level").isNotEqualTo("Global")));
    long below = others.stream().filter(e -> global < e.getValue()).count();
    return "In " + lang + ", " + ownCountry + " of " + n + " models align better with " + Prose.place(country) + " than with the United States and "
        + ownLanguage + " of " + n + " better with " + lang + " speakers than with English speakers; alignment with the global scores"
        + " (mean over models " + f(global, 2) + ") is below " + below + " of the " + others.size() + " other groups' means.";
  }

  private String portugueseText() {
    Table t = levelMeans("Portuguese");
    int usBest = 0, n = 0, englishAtLeast = 0;
    for (String m : t.stringColumn("model_name").unique()) {
      Table r = t.where(t.stringColumn("model_name").isEqualTo(m));
      Table countries = r.where(r.stringColumn("level").isEqualTo("Country")).sortDescendingOn("coefficient");
      n++;
      if (countries.getString(0, "gt_group").equals(Prose.country("US"))) usBest++;
      if (value(r, "English") >= value(r, "Portuguese")) englishAtLeast++;
    }
    return "In Portuguese, " + usBest + " of " + n + " models align best with the United States among the countries, " + englishAtLeast
        + " of " + n + " at least as well with English as with Portuguese speakers, and " + leastAlignedEverywhere(t) + ".";
  }

  private static double value(Table r, String group) {
    Table g = r.where(r.stringColumn("gt_group").isEqualTo(group));
    return g.rowCount() == 0 ? Double.NaN : g.doubleColumn("coefficient").getDouble(0);
  }

  /** Writes this notebook's tables, regression, shown figures and provenance; lists what was written. */
  public Table save() {
    outputs.table("language_breakdown_coefficients.csv", coefficients());
    outputs.regression("language_breakdown_ols", run.regressions().get("language_breakdown_ols"));
    Map<String, Object> settings = new LinkedHashMap<>(run.settings().asMap());
    settings.put("notebook", "11-language-breakdown");
    return outputs.write(run.seed(), settings);
  }
}
