package org.mcalign.analysis;

import java.nio.file.Path;
import org.mcalign.data.Dataset;
import org.mcalign.data.PaperFiles;
import org.mcalign.data.Study;
import tech.tablesaw.api.Table;

/**
 * The published files stages 7–8 read, as typed, validated tables with the paper's column
 * names (loaded through {@link PaperFiles}). The joins and filters live in the analyses.
 */
public record AnalysisInputs(
    Dataset dataset,
    Table responses,
    Table groundTruthGlobal,
    Table groundTruthPerLanguage,
    Table groundTruthEveryCountry,
    Table groundTruthAllCountries,
    Table countryLanguages,
    Table gtSelfConsistency,
    Table multilingualBenchmarks) {

  /** The scored responses' file name inside a dataset (replaced by {@code analyze --scores FILE}). */
  public static final String SCORES_FILE = "all_lang_model_responses_with_scores.csv";

  /** Loads every input of stages 7–8 from a dataset. */
  public static AnalysisInputs of(Dataset dataset) {
    PaperFiles f = PaperFiles.of(dataset);
    return new AnalysisInputs(dataset, f.scoredResponses(), f.groundTruthGlobal(),
        f.groundTruthPerLanguage(), f.groundTruthEveryCountry(), f.groundTruthAllCountries(),
        f.countryLanguages(), f.gtSelfConsistency(), f.multilingualBenchmarks());
  }

  /** Loads from a folder laid out as the paper's {@code output/}. */
  public static AnalysisInputs load(Path folder) {
    return of(Dataset.at(folder));
  }

  /** The study the inputs were validated against (the dataset's study.json over the paper's, or --study). */
  public Study study() {
    return dataset == null ? Study.paper() : dataset.study(); // inputs built in memory (tests, notebooks) use the paper's
  }

  /** Loads from a folder laid out as the paper's {@code output/}, validated against {@code study}. */
  public static AnalysisInputs load(Path folder, Study study) {
    return of(Dataset.at(folder).withStudy(study));
  }

  /** One line naming the dataset, for notebooks (never a machine path). */
  public String describe() {
    return dataset.describe();
  }

  /** The demographic-prompting results ({@code demographic-gemma-results.csv}), read on demand. */
  public Table demographicResults() {
    return PaperFiles.of(dataset).demographicResults();
  }
}
