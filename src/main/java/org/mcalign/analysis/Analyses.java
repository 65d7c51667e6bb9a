package org.mcalign.analysis;

import java.util.HashMap;
import java.util.Map;
import org.mcalign.analysis.demo.Datasets;
import org.mcalign.data.Dataset;
import org.mcalign.plot.Figure;

/**
 * The single entry point for notebooks: which dataset, its inputs, and the full stage 7–8
 * run at the paper's settings (cached per seed, so that notebooks 07–12 share one run).
 */
public final class Analyses {
  private Analyses() {}

  private static AnalysisInputs inputs;
  private static final Map<Long, PaperAnalysis.Result> RUNS = new HashMap<>();

  /** The one place that chooses the dataset for stages 7–8: the paper's data when it resolves, else the DEMO dataset. */
  public static Dataset dataset() {
    return Datasets.paperOrDemo();
  }

  /** The inputs of the chosen dataset (loaded once). */
  public static synchronized AnalysisInputs inputs() {
    if (inputs == null) inputs = AnalysisInputs.of(dataset());
    return inputs;
  }

  /**
   * The top of a notebook: the dataset in use. On the demo dataset it starts with DEMO and
   * adds {@link Datasets#DEMO_NARRATIVE}, since the committed notebooks' sentences describe
   * the paper's data.
   */
  public static String describe() {
    String line = Datasets.title(inputs().dataset(), "Dataset: " + inputs().describe());
    return inputs().dataset().isDemo() ? line + "\n" + Datasets.DEMO_NARRATIVE : line;
  }

  /**
   * Writes a run's tables, regressions and provenance under {@code target/notebook-output/NAME}
   * of the project and its figures into the project's {@code plots/}; returns a line saying
   * where, relative to the project root (for the notebook's last cell; never an absolute path).
   */
  public static String save(PaperAnalysis.Result run, String name) {
    java.nio.file.Path root = Dataset.findProjectRoot(java.nio.file.Path.of("")).orElse(java.nio.file.Path.of(""));
    java.nio.file.Path rel = outputFolder(name);
    java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>(AnalysisOutput.write(run, inputs(), root.resolve(rel), false));
    // the figures go where the README promises them: the project's plots/, under the paper's names
    for (Figure f : PaperFigures.all(run, inputs())) files.add(f.saveIn(root.resolve("plots")));
    return files.size() + " files written: tables as CSV, regressions as JSON and text and "
        + Datasets.fileName(inputs().dataset(), "provenance.json") + " in " + rel.toString().replace('\\', '/')
        + "/, the paper's figures in plots/";
  }

  /** {@code target/notebook-output/NAME}, or {@code .../DEMO-NAME} on the demo dataset (its files are DEMO- too). */
  static java.nio.file.Path outputFolder(String name) {
    return java.nio.file.Path.of("target", "notebook-output", Datasets.fileName(inputs().dataset(), name));
  }

  /**
   * A figure as the notebooks show it: on the demo dataset with the DEMO banner and a
   * {@code DEMO-} file name, on the paper's data unchanged ({@link Datasets#figure}).
   * Notebook cells wrap the plot package's figures in it: {@code Analyses.figure(Figures.usBiasCoefficients(...))}.
   */
  public static Figure figure(Figure figure) {
    return Datasets.figure(inputs().dataset(), figure);
  }

  /**
   * Saves figures into the project's {@code plots/} as {@link #figure} labels them (on the demo
   * dataset {@code DEMO-NAME.png} with the banner, so a demo run never leaves files named like
   * the paper's figures) and returns the table of what was written.
   */
  public static tech.tablesaw.api.Table savePlots(Figure... figures) {
    java.nio.file.Path root = Dataset.findProjectRoot(java.nio.file.Path.of("")).orElse(java.nio.file.Path.of(""));
    Figure[] shown = java.util.Arrays.stream(figures).map(Analyses::figure).toArray(Figure[]::new);
    return org.mcalign.plot.Figures.saveAllAsTable(root.resolve("plots"), shown);
  }

  /**
   * As {@link #save(PaperAnalysis.Result, String)} for the hypotheses script: its tables,
   * {@code latest_results_with_baseline.csv}, the gallery's figures and {@code hypotheses_gallery.md}
   * under {@code target/notebook-output/NAME}.
   */
  public static String save(HypothesesScript h, String name) {
    java.nio.file.Path root = Dataset.findProjectRoot(java.nio.file.Path.of("")).orElse(java.nio.file.Path.of(""));
    java.nio.file.Path rel = outputFolder(name);
    java.util.List<java.nio.file.Path> files = h.writeTo(root.resolve(rel), inputs(), true);
    return files.size() + " files written to " + rel.toString().replace('\\', '/') + "/ (tables, "
        + Datasets.fileName(inputs().dataset(), HypothesesScript.RESULTS_WITH_BASELINE) + ", plots/ with "
        + Datasets.fileName(inputs().dataset(), "hypotheses_gallery.md") + ", provenance)";
  }

  /** As {@link #save(PaperAnalysis.Result, String)} for the replication report. */
  public static String save(ReplicationReport.Report report, String name) {
    java.nio.file.Path root = Dataset.findProjectRoot(java.nio.file.Path.of("")).orElse(java.nio.file.Path.of(""));
    java.nio.file.Path rel = outputFolder(name);
    java.util.List<java.nio.file.Path> files = report.writeTo(root.resolve(rel), inputs());
    return files.size() + " files written to " + rel.toString().replace('\\', '/') + "/ (comparison tables as CSV, replication_acceptance.json, "
        + Datasets.fileName(inputs().dataset(), "provenance.json") + ")";
  }

  /** The replication report at the paper's settings: {@code seeds} seeds from our default seed. */
  public static ReplicationReport.Report replication(int seeds) {
    return ReplicationReport.run(inputs(), AnalysisSettings.paper(), AnalysisSettings.DEFAULT_SEED, seeds);
  }

  /** Stages 7–8 at the paper's settings with our default seed ({@link AnalysisSettings#DEFAULT_SEED}). */
  public static PaperAnalysis.Result paper() {
    return paper(AnalysisSettings.DEFAULT_SEED);
  }

  /**
   * The research-question core of stages 7–8 (alignment, RQ1, RQ2, breakdown, consistency)
   * at the paper's settings with {@code seed} (cached); {@code mcalign analyze all} runs the rest.
   */
  public static synchronized PaperAnalysis.Result paper(long seed) {
    return RUNS.computeIfAbsent(seed, s -> PaperAnalysis.run(inputs(), AnalysisSettings.paper(), s, PaperAnalysis.Scope.CORE));
  }
}
