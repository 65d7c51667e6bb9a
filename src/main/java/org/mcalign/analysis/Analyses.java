package org.mcalign.analysis;

import java.util.HashMap;
import java.util.Map;
import org.mcalign.data.Dataset;

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
    return org.mcalign.analysis.demo.Datasets.paperOrDemo();
  }

  /** The inputs of the chosen dataset (loaded once). */
  public static synchronized AnalysisInputs inputs() {
    if (inputs == null) inputs = AnalysisInputs.of(dataset());
    return inputs;
  }

  /** One line for the top of a notebook: the dataset in use. */
  public static String describe() {
    return "Dataset: " + inputs().describe();
  }

  /**
   * Writes a run's tables, regressions, figures and provenance under
   * {@code target/notebook-output/NAME} of the project and returns that folder, relative to
   * the project root (for the notebook's last cell; never an absolute path).
   */
  public static String save(PaperAnalysis.Result run, String name) {
    java.nio.file.Path root = Dataset.findProjectRoot(java.nio.file.Path.of("")).orElse(java.nio.file.Path.of(""));
    java.nio.file.Path rel = java.nio.file.Path.of("target", "notebook-output", name);
    java.util.List<java.nio.file.Path> files = AnalysisOutput.write(run, inputs(), root.resolve(rel), true);
    return files.size() + " files written to " + rel.toString().replace('\\', '/') + "/ (tables as CSV, regressions as JSON and text, figures in plots/, provenance.json)";
  }

  /** As {@link #save(PaperAnalysis.Result, String)} for the replication report. */
  public static String save(ReplicationReport.Report report, String name) {
    java.nio.file.Path root = Dataset.findProjectRoot(java.nio.file.Path.of("")).orElse(java.nio.file.Path.of(""));
    java.nio.file.Path rel = java.nio.file.Path.of("target", "notebook-output", name);
    java.util.List<java.nio.file.Path> files = report.writeTo(root.resolve(rel), inputs());
    return files.size() + " files written to " + rel.toString().replace('\\', '/') + "/ (comparison tables as CSV, replication_acceptance.json, provenance.json)";
  }

  /** The replication report at the paper's settings: {@code seeds} seeds from the paper's seed. */
  public static ReplicationReport.Report replication(int seeds) {
    return ReplicationReport.run(inputs(), AnalysisSettings.paper(), AnalysisSettings.PAPER_SEED, seeds);
  }

  /** Stages 7–8 at the paper's settings with the paper's seed constant. */
  public static PaperAnalysis.Result paper() {
    return paper(AnalysisSettings.PAPER_SEED);
  }

  /**
   * The research-question core of stages 7–8 (alignment, RQ1, RQ2, breakdown, consistency)
   * at the paper's settings with {@code seed} (cached); {@code mcalign analyze all} runs the rest.
   */
  public static synchronized PaperAnalysis.Result paper(long seed) {
    return RUNS.computeIfAbsent(seed, s -> PaperAnalysis.run(inputs(), AnalysisSettings.paper(), s, PaperAnalysis.Scope.CORE));
  }
}
