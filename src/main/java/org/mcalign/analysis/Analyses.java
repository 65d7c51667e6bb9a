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

  /** The one place that chooses the dataset for stages 7–8. */
  public static Dataset dataset() {
    return Dataset.resolve();
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

  /** Stages 7–8 at the paper's settings with the paper's seed constant. */
  public static PaperAnalysis.Result paper() {
    return paper(AnalysisSettings.PAPER_SEED);
  }

  /** Stages 7–8 at the paper's settings with {@code seed} (cached). */
  public static synchronized PaperAnalysis.Result paper(long seed) {
    return RUNS.computeIfAbsent(seed, s -> PaperAnalysis.run(inputs(), AnalysisSettings.paper(), s, PaperAnalysis.Scope.ALL));
  }
}
