package org.mcalign.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.analysis.demo.Datasets;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.CsvOut;
import org.mcalign.data.Provenance;
import org.mcalign.plot.Figure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's {@code analyse_hypotheses.py} as its {@code main} runs it: the survey responses
 * with the two baselines appended (written as {@code latest_results_with_baseline.csv}), the
 * ground truth of every country optionally restricted to extreme values ({@code --threshold}),
 * then each chosen analysis with {@code rounds} rounds (one CSV each under the paper's name)
 * and its exploratory plots ({@link HypothesesGallery}). Seeds: the baselines and each analysis
 * draw from {@link PaperAnalysis#partSeed} of the master seed (the paper's draws are unseeded).
 *
 * @param resultsWithBaseline the paper's {@code latest_results_with_baseline.csv}
 * @param results one per analysis, in the order run
 * @param threshold the {@code --threshold}, or null
 * @param groundTruthRows rows of {@code ground_truth_all_countries.csv} kept by the threshold, and in all
 * @param demo whether the inputs are the DEMO dataset (every title and caption then says so)
 * @param study the study of the inputs (model order, families and colours of the plots)
 */
public record HypothesesScript(Table resultsWithBaseline, List<AnalysisResult> results, Metric metric, Double threshold,
    int[] groundTruthRows, AnalysisSettings settings, long seed, boolean demo, org.mcalign.data.Study study) {

  public static final String RESULTS_WITH_BASELINE = "latest_results_with_baseline.csv";

  /** Columns of {@code latest_results_with_baseline.csv} (the paper's {@code load_results} columns in file order). */
  public static final List<String> RESULT_COLUMNS = List.of("model_name", "model_family", "template_type", "language",
      "response_language", "question_key", "response_pro_score");

  /**
   * Runs the script: {@code analyses} by stem or the paper's name ({@link Hypotheses#DEFAULT_ANALYSES}
   * when empty), {@code metric} (the script's default is mean alignment), rounds from
   * {@code settings.hypothesisRounds()}.
   */
  public static HypothesesScript run(AnalysisInputs in, List<String> analyses, Metric metric, Double threshold,
      AnalysisSettings settings, long seed) {
    List<String> stems = (analyses == null || analyses.isEmpty() ? Hypotheses.DEFAULT_ANALYSES : analyses).stream()
        .map(Hypotheses::stem).distinct().toList();
    Table responses = surveyOnly(in.responses());
    Table withBaselines = Baselines.withBaselines(responses, settings, PaperAnalysis.partSeed(seed, "baselines"));
    Table gtAll = in.groundTruthAllCountries();
    Table gt = Hypotheses.extremeGroundTruth(gtAll, threshold);
    if (gt.rowCount() == 0) throw new IllegalArgumentException("threshold " + threshold + " keeps no ground-truth row");
    List<AnalysisResult> out = new ArrayList<>();
    for (String a : stems) {
      AnalysisResult r = Hypotheses.run(a, gt, withBaselines, metric, settings, PaperAnalysis.partSeed(seed, a), in.study());
      Map<String, Object> st = new LinkedHashMap<>(r.settings());
      st.put("threshold", threshold);
      out.add(new AnalysisResult(r.name(), r.table(), st, r.seed()));
    }
    Table latest = withBaselines.selectColumns(RESULT_COLUMNS.toArray(String[]::new)).setName(RESULTS_WITH_BASELINE);
    return new HypothesesScript(latest, List.copyOf(out), metric, threshold, new int[] {gt.rowCount(), gtAll.rowCount()},
        settings, seed, in.dataset().isDemo(), in.study());
  }

  /** The paper's {@code results[results["template_type"] == "survey_hypothetical"]}. */
  static Table surveyOnly(Table responses) {
    if (!responses.containsColumn("template_type")) return responses;
    return responses.where(responses.stringColumn("template_type").isEqualTo("survey_hypothetical"));
  }

  /** The result of one analysis by stem. */
  public AnalysisResult result(String stem) {
    for (AnalysisResult r : results) if (r.name().equals(stem)) return r;
    throw new IllegalArgumentException("analysis '" + stem + "' was not run; ran " + results.stream().map(AnalysisResult::name).toList());
  }

  /** One row per analysis: its output file, rows, rounds and the mean metric over all its rows. */
  public Table summary() {
    StringColumn name = StringColumn.create("analysis"), file = StringColumn.create("file");
    IntColumn rows = IntColumn.create("rows"), rounds = IntColumn.create("rounds");
    DoubleColumn mean = DoubleColumn.create("mean " + metric.id());
    for (AnalysisResult r : results) {
      name.append(r.name());
      file.append(r.table().name());
      rows.append(r.table().rowCount());
      rounds.append(settings.hypothesisRounds());
      String col = r.table().containsColumn("metric_value") ? "metric_value" : "Native Alignment";
      mean.append(r.table().doubleColumn(col).mean());
    }
    String t = (demo ? "DEMO — " : "") + "analyse_hypotheses.py: " + (threshold == null ? "all ground truth" : "|pro_score - 0.5| > " + threshold + ": "
        + groundTruthRows[0] + " of " + groundTruthRows[1] + " ground-truth rows") + ", seed " + seed;
    return Table.create(t, name, file, rows, rounds, mean);
  }

  /**
   * The mean over all rounds of an analysis's metric (for cross-linguistic transfer: native,
   * US, and their difference) per the given columns, with the number of rounds.
   */
  public Table means(String stem, String... by) {
    Table t = result(Hypotheses.stem(stem)).table();
    Map<String, double[]> g = new java.util.TreeMap<>();
    boolean cross = t.containsColumn("Native Alignment");
    for (int i = 0; i < t.rowCount(); i++) {
      StringBuilder k = new StringBuilder();
      for (String c : by) k.append(k.length() == 0 ? "" : "\u0000").append(t.getString(i, c));
      double[] a = g.computeIfAbsent(k.toString(), x -> new double[3]);
      a[0] += cross ? t.doubleColumn("Native Alignment").getDouble(i) : t.doubleColumn("metric_value").getDouble(i);
      a[1] += cross ? t.doubleColumn("US Alignment").getDouble(i) : 0;
      a[2]++;
    }
    List<StringColumn> keys = new ArrayList<>();
    for (String c : by) keys.add(StringColumn.create(c));
    DoubleColumn m = DoubleColumn.create(cross ? "Native Alignment" : "mean " + metric.id());
    DoubleColumn us = DoubleColumn.create("US Alignment"), diff = DoubleColumn.create("Native - US");
    IntColumn n = IntColumn.create("rows");
    g.forEach((k, a) -> {
      String[] parts = k.split("\u0000", -1);
      for (int j = 0; j < by.length; j++) keys.get(j).append(parts[j]);
      m.append(a[0] / a[2]);
      us.append(a[1] / a[2]);
      diff.append((a[0] - a[1]) / a[2]);
      n.append((int) a[2]);
    });
    Table out = Table.create((demo ? "DEMO — " : "") + stem + ": means over " + settings.hypothesisRounds() + " rounds");
    keys.forEach(out::addColumns);
    out.addColumns(m);
    if (cross) out.addColumns(us, diff);
    return out.addColumns(n);
  }

  /** The exploratory plots of the analyses run, each with its caption. */
  public List<HypothesesGallery.Captioned> gallery() {
    return HypothesesGallery.of(this);
  }

  /**
   * Writes every analysis CSV, {@code latest_results_with_baseline.csv}, the gallery's figures
   * into {@code plots/} with {@code hypotheses_gallery.md} (each figure and its caption), and the
   * provenance (seed, settings, threshold). From the demo dataset every name starts with DEMO-.
   * The folder is written as one set ({@link org.mcalign.data.OutputFolder}).
   */
  public List<Path> writeTo(Path folder, AnalysisInputs in, boolean figures) {
    try (org.mcalign.data.OutputFolder set = org.mcalign.data.OutputFolder.begin(folder, "analyze hypotheses (seed " + seed + ")")) {
      return set.publish(writeInto(set.staging(), in, figures));
    }
  }

  private List<Path> writeInto(Path out, AnalysisInputs in, boolean figures) {
    var d = in.dataset();
    List<Path> written = new ArrayList<>();
    for (AnalysisResult r : results) written.add(CsvOut.write(r.table(), out.resolve(Datasets.fileName(d, r.table().name()))));
    written.add(CsvOut.write(resultsWithBaseline, out.resolve(Datasets.fileName(d, RESULTS_WITH_BASELINE))));
    if (figures) {
      StringBuilder md = new StringBuilder("# Exploratory plots of analyse_hypotheses.py\n\n");
      if (d.isDemo()) md.append("**").append(Datasets.DEMO_BANNER).append("**\n\n");
      for (HypothesesGallery.Captioned c : gallery()) {
        Figure f = Datasets.figure(d, c.figure());
        written.add(f.saveIn(out.resolve("plots")));
        md.append("![").append(f.fileName()).append("](plots/").append(f.fileName()).append(")\n\n").append(c.caption()).append("\n\n");
      }
      written.add(AtomicFiles.writeString(out.resolve(Datasets.fileName(d, "hypotheses_gallery.md")), md.toString()));
    }
    Map<String, Object> s = new LinkedHashMap<>(settings.asMap());
    s.put("analysis", "hypotheses");
    s.put("analyses", results.stream().map(AnalysisResult::name).toList());
    s.put("metric", metric.id());
    s.put("threshold", threshold);
    s.put("ground_truth_rows_kept", groundTruthRows[0]);
    s.put("part_seeds", "PaperAnalysis.partSeed(seed, analysis name); baselines: partSeed(seed, \"baselines\")");
    written.add(Datasets.writeProvenance(d, Provenance.of(d, seed, s), out));
    return written;
  }
}
