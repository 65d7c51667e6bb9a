package org.mcalign.notebook.findings;

import static org.mcalign.notebook.findings.Prose.f;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mcalign.analysis.AnalysisResult;
import org.mcalign.analysis.stages.DemographicStage;
import org.mcalign.data.Dataset;
import org.mcalign.data.Study;
import org.mcalign.data.PaperFiles;
import org.mcalign.notebook.Numbers;
import org.mcalign.plot.Figure;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.Sampling;
import org.mcalign.stats.Correlation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 13 (demographic prompting): the sentences under its tables and figures, computed from
 * the tables they describe, so that they hold on the paper's data and on the DEMO alike.
 */
public final class DemographicFindings {
  private final Dataset dataset;
  private final DemographicStage experiment;
  private final boolean demo;

  private DemographicFindings(Dataset dataset, DemographicStage experiment) {
    this.dataset = dataset;
    this.experiment = experiment;
    this.demo = dataset.isDemo();
  }

  /** The findings of {@code experiment}, the stage on the notebook's {@code dataset}. */
  public static DemographicFindings of(Dataset dataset, DemographicStage experiment) {
    return new DemographicFindings(dataset, experiment);
  }

  private String datasetsFile() {
    return demo ? "the DEMO dataset's `demographic-all_prompts_responses.csv`" : "the paper's `demographic-all_prompts_responses.csv`";
  }

  /** The countries drawn per language and congruence, beside the dataset's file. */
  public Finding design() {
    Table t = experiment.design(experiment.seed());
    String ours = t.columnNames().get(3), theirs = t.columnNames().get(4);
    Set<String> countries = new TreeSet<>();
    Map<String, Set<String>> oursPerCell = new TreeMap<>(), theirsPerCell = new TreeMap<>();
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String cell = t.getString(i, "language") + "|" + t.getString(i, "is_congruent"), country = t.getString(i, "country");
      int a = t.intColumn(ours).getInt(i), b = t.intColumn(theirs).getInt(i);
      if (a > 0) { countries.add(country); oursPerCell.computeIfAbsent(cell, k -> new TreeSet<>()).add(country); }
      if (b > 0) theirsPerCell.computeIfAbsent(cell, k -> new TreeSet<>()).add(country);
      if (a != b) differing.add(Prose.language(t.getString(i, "language")) + " " + (t.getString(i, "is_congruent").equals("true")
          ? "congruent" : "incongruent") + ", " + country + ": " + a + " here, " + b + " in the file");
    }
    List<String> absent = new ArrayList<>(Study.paper().countries().stream().map(Study.Country::name).toList());
    absent.removeAll(countries);
    long sameCells = oursPerCell.keySet().stream().filter(k -> oursPerCell.get(k).equals(theirsPerCell.get(k))).count();
    String text = "Countries per language and congruence: ours are drawn with seed " + experiment.seed() + " (the paper's `random.choice`"
        + " is unseeded), from the paper's country-language map of the time (" + countries.size() + " countries"
        + (absent.isEmpty() ? "" : ": no " + Prose.and(absent).replace(" and ", " or ")) + "). "
        + (sameCells == oursPerCell.size() && oursPerCell.keySet().equals(theirsPerCell.keySet())
            ? "The same countries appear in each (language, congruence) cell as in " + datasetsFile()
            : "The countries of " + (oursPerCell.size() - sameCells) + " of " + oursPerCell.size() + " (language, congruence) cells differ from "
                + datasetsFile())
        + (differing.isEmpty() ? ", with the same counts in every row" + (demo ? " (the DEMO's file was drawn with this seed)" : "") + "."
            : "; the counts differ in " + differing.size() + " of " + t.rowCount() + " rows, by the draws (e.g. " + differing.get(0) + ").");
    return new Finding(t, text);
  }

  /** What {@code writeVariants} wrote, beside the dataset's file. */
  public Finding variants(Table written) {
    int rows = written.intColumn("rows").getInt(0);
    int theirs = CsvRecords.read(dataset.path("demographic-all_prompts_responses.csv")).size();
    String text = "Written in the paper's format: the prompt table's columns plus `country` and `is_congruent`, all congruent variants"
        + " first: " + Numbers.count(rows) + " rows" + (rows == theirs ? ", as " + datasetsFile() + "."
            : ", against " + Numbers.count(theirs) + " in " + datasetsFile() + ".");
    return new Finding(written, text);
  }

  /** The responses' summary and what produced them (simulated or a real server). */
  public Finding responses(Table responses, boolean spent) {
    int n = experiment.responseRequests().size();
    StringBuilder sampling = new StringBuilder();
    Sampling.VLLM_PAPER.forEach((k, v) -> sampling.append(sampling.length() == 0 ? "" : ", ").append(k).append(' ')
        .append(v instanceof String ? "\"" + v + "\"" : v));
    String text = (spent ? "The " + n + " variants went to " + experiment.model() + " on the vLLM server"
        : "Without a vLLM endpoint and credentials this is the DEMO: its " + n + " variants go to a simulated " + experiment.model()
            + " on the simulated server, planted to answer with the opinions of the country a prompt names")
        + ". Requests carry the paper's sampling (`" + sampling + "`); every answer is kept in the response store as it arrives.";
    return new Finding(responses, text);
  }

  /** The merge's counts in a sentence. */
  public Finding merged(Table merge) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (int i = 0; i < merge.rowCount(); i++) rows.put(merge.getString(i, "output"), merge.intColumn("rows").getInt(i));
    List<String> dropped = new ArrayList<>();
    for (int i = 0; i < merge.rowCount(); i++)
      if (merge.getString(i, "note").equals("dropped") && merge.intColumn("rows").getInt(i) > 0)
        dropped.add(merge.getString(i, "output") + " " + merge.intColumn("rows").getInt(i));
    int kept = merge.intColumn("rows").getInt(merge.rowCount() - 1);
    String text = "The paper's merge: pro score = pro / (pro + con), the ground truth of (question, prompt language) joined from"
        + " `ground_truth.csv`, rows without either dropped, and rows answered in another language than the prompt's dropped. Here "
        + rows.getOrDefault("responses", 0) + " responses, dropped: " + (dropped.isEmpty() ? "none" : String.join(", ", dropped))
        + "; " + kept + " kept.";
    return new Finding(merge, text);
  }

  /** Our merged file against the dataset's own. */
  public Finding comparedWithDataset(Table cmp) {
    boolean columns = cmp.getString(0, "columns equal").equals("true");
    int ours = cmp.intColumn("our rows").getInt(0), theirs = cmp.intColumn("dataset's rows").getInt(0),
        equal = cmp.intColumn("rows equal in every column").getInt(0);
    String text;
    if (demo) text = "**DEMO check.** The rebuilt file " + (columns ? "has" : "does not have") + " the published file's columns and "
        + (equal == ours && ours == theirs ? "equals the DEMO dataset's own `demographic-gemma-results.csv` in all " + ours
            + " rows: the stage runs the same path the DEMO was built by." : "equals the DEMO dataset's own file in " + equal + " of "
            + theirs + " rows: the stage no longer reproduces the DEMO's build.");
    else text = "Our merged file " + (columns ? "has" : "does not have") + " the published file's columns; " + ours + " rows against the"
        + " paper's " + theirs + ", " + equal + " equal in every column (new answers are new draws).";
    return new Finding(cmp, text);
  }

  /** An analysis's means per language and congruence, and what naming a congruent country does. */
  public Finding analysis(AnalysisResult r, DemographicStage stage, boolean rebuild) {
    Table m = stage.analysisMeans(r);
    List<String> up = new ArrayList<>(), down = new ArrayList<>();
    int separate = 0, languages = 0;
    for (int i = 0; i + 1 < m.rowCount(); i += 2) {
      // rows come sorted: (language, false), (language, true)
      double inc = m.doubleColumn("metric_value mean").getDouble(i), con = m.doubleColumn("metric_value mean").getDouble(i + 1);
      boolean apart = m.doubleColumn("2.5 %").getDouble(i + 1) > m.doubleColumn("97.5 %").getDouble(i)
          || m.doubleColumn("97.5 %").getDouble(i + 1) < m.doubleColumn("2.5 %").getDouble(i);
      if (apart) separate++;
      languages++;
      String s = Prose.language(m.getString(i, "response_language")) + " (" + f(con, 3) + " vs " + f(inc, 3) + ")";
      (con > inc ? up : down).add(s);
    }
    String what = rebuild ? (demo ? "on the rebuild of the DEMO" : "on our rebuild")
        : "on " + (demo ? "the DEMO dataset's" : "the paper's published") + " `demographic-gemma-results.csv` (" + Numbers.count(rows(stage, false)) + " rows)";
    String text = "The paper's analysis (`analyze_demographic`, " + metric(r) + ", " + rounds(r) + " rounds; each round resamples the rows with replacement; consistency per language over pairs of distinct responses,"
        + " divided by 0.955), " + what + "."
        + (demo && rebuild ? " DEMO (planted: the simulated model answers with the opinions of the country a prompt names)." : "")
        + " Naming a country of the prompt's language (congruent vs incongruent) " + (up.isEmpty() ? "" : "raises the alignment with that language's ground truth in "
            + Prose.and(up)) + (up.isEmpty() || down.isEmpty() ? "" : " and ") + (down.isEmpty() ? "" : "lowers it in " + Prose.and(down))
        + "; the 95 % intervals of the two " + (separate == 0 ? "overlap in every language"
            : "are apart in " + separate + " of " + languages + " languages")
        + ". Columns: mean over the rounds, the 2.5 and 97.5 percentiles of the rounds, mean consistency, rounds.";
    return new Finding(m, text);
  }

  private static String metric(AnalysisResult r) {
    String m = String.valueOf(r.settings().get("metric"));
    return m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
  }

  private static String rounds(AnalysisResult r) {
    return r.settings().get("rounds") instanceof Number n ? Numbers.count(n.longValue()) : String.valueOf(r.settings().get("rounds"));
  }

  /** The rows an analysis resampled: our merged file (a rebuild) or the dataset's published one. */
  private int rows(DemographicStage stage, boolean rebuild) {
    return (rebuild ? stage.results() : PaperFiles.of(dataset).demographicResults()).rowCount();
  }

  /** The figure of an analysis with its caption. */
  public Figure figure(AnalysisResult r, DemographicStage stage, boolean rebuild) {
    Figure fig = stage.figure(r);
    return fig.withCaption("*Figure (ours; the paper draws none).* " + (demo ? "DEMO" : rebuild ? "Our rebuild" : "The paper's data")
        + ". Bars: mean " + metric(r) + " correlation between response and ground-truth pro scores over "
        + rounds(r) + " bootstrap rounds of the " + Numbers.count(rows(stage, rebuild)) + (rebuild ? " rebuilt" : demo ? " DEMO dataset's" : " published")
        + " rows, per response language and congruence; whiskers: 95 % percentile interval of the rounds (the bootstrap interval of the"
        + " correlation); n = " + rounds(r) + " rounds per bar; seed " + r.seed() + ".");
  }

  /** One pass without resampling beside the bootstrap means of the same file. */
  public Finding onePass(AnalysisResult published) {
    Table one = experiment.alignment();
    Table m = experiment.analysisMeans(published);
    double[] n = one.intColumn("responses").asDoubleArray();
    DoubleColumn mean = m.doubleColumn("metric_value mean").copy().setName("bootstrap mean");
    DoubleColumn diff = one.doubleColumn("spearman").subtract(mean).abs().setName("|spearman - bootstrap mean|");
    one.addColumns(mean, diff);
    double worst = diff.max();
    String text = "One pass without resampling on " + (demo ? "the DEMO dataset's" : "the published") + " file: "
        + Numbers.range(Prose.min(n), Prose.max(n), 0) + " responses per group, and Spearman correlations that differ from the"
        + " bootstrap means above by at most " + Numbers.sig(worst, 2) + " (last column).";
    return new Finding(one, text);
  }

  /**
   * DEMO only: whether the planted effect (the simulated model answers with the opinions of the
   * country a prompt names) shows in the rebuild: per congruence, the Spearman correlation of
   * the answers with the named country's ground truth beside that with the prompt language's
   * (the paper's measure). For incongruent prompts the two differ; the effect is recovered when
   * the answers follow the named country more closely.
   */
  public Object planted() {
    if (!demo) return Prose.md("Nothing planted: these are " + experiment.model() + "'s real answers.");
    Table r = experiment.results();
    Map<String, Double> gt = new TreeMap<>();
    Table all = PaperFiles.of(dataset).groundTruthAllCountries();
    for (int i = 0; i < all.rowCount(); i++)
      gt.putIfAbsent(all.getString(i, "cntry_an") + "|" + all.getString(i, "question_key").toLowerCase(java.util.Locale.ROOT),
          all.doubleColumn("pro_score").getDouble(i));
    Map<String, String> code = new TreeMap<>();
    Study.paper().countries().forEach(c -> code.put(c.name(), c.code()));
    StringColumn cong = StringColumn.create("is_congruent"), rec = StringColumn.create("answers follow the named country");
    IntColumn n = IntColumn.create("responses");
    DoubleColumn named = DoubleColumn.create("spearman with the named country's ground truth"),
        language = DoubleColumn.create("spearman with the prompt language's ground truth");
    boolean recovered = true;
    for (String c : List.of("false", "true")) {
      List<double[]> rows = new ArrayList<>();
      for (int i = 0; i < r.rowCount(); i++) {
        if (!String.valueOf(r.column("is_congruent").getString(i)).equals(c)) continue;
        Double g = gt.get(code.getOrDefault(r.getString(i, "country"), r.getString(i, "country")) + "|"
            + r.getString(i, "question_key").toLowerCase(java.util.Locale.ROOT));
        if (g == null) continue;
        rows.add(new double[] {r.doubleColumn("response_pro_score").getDouble(i), g, r.doubleColumn("ground_truth_pro_score").getDouble(i)});
      }
      double[] x = rows.stream().mapToDouble(v -> v[0]).toArray();
      double a = Correlation.spearman(x, rows.stream().mapToDouble(v -> v[1]).toArray());
      double b = Correlation.spearman(x, rows.stream().mapToDouble(v -> v[2]).toArray());
      boolean follows = c.equals("true") || a > b;
      recovered &= follows;
      cong.append(c);
      n.append(rows.size());
      named.append(a);
      language.append(b);
      rec.append(c.equals("true") ? "(a country of the prompt's language)" : follows ? "yes" : "no");
    }
    Table t = Table.create("DEMO: planted effect", cong, n, named, language, rec);
    String text = "**Planted (DEMO):** the simulated " + experiment.model() + " answers with the opinions of the country a prompt names."
        + " Recovered: " + (recovered ? "yes" : "no") + ". On incongruent prompts the answers correlate " + f(named.getDouble(0), 3)
        + " with the named country's ground truth and " + f(language.getDouble(0), 3) + " with the prompt language's (the paper's"
        + " measure, which therefore falls when the named country is another language's).";
    return new Finding(t, text);
  }
}
