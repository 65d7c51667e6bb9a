package org.mcalign.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The published files stages 7–8 read, as typed tables with the paper's column names. The
 * paper's scripts read the files themselves; the joins and filters live in the analyses.
 *
 * @param folder where the files came from (never printed: see {@code describe})
 */
public record AnalysisInputs(
    String describe,
    Table responses,
    Table groundTruthGlobal,
    Table groundTruthPerLanguage,
    Table groundTruthEveryCountry,
    Table groundTruthAllCountries,
    Table countryLanguages,
    Table gtSelfConsistency,
    Table multilingualBenchmarks,
    Path folder) {

  static final ColumnType S = ColumnType.STRING;
  static final ColumnType D = ColumnType.DOUBLE;

  /** Reads the files from a folder laid out as the paper's {@code output/}. */
  public static AnalysisInputs load(Path folder, String describe) {
    return new AnalysisInputs(
        describe,
        read(folder, "all_lang_model_responses_with_scores.csv",
            cols("model_name", S, "model_family", S, "template_type", S, "language", S,
                "response_language", S, "question_key", S, "response_pro_score", D)),
        read(folder, "ground_truth_global.csv", cols("question_key", S, "pro_score", D)),
        read(folder, "ground_truth_per_language.csv",
            cols("lnge_iso", S, "question_key", S, "pro_score", D)),
        read(folder, "ground_truth_every_country.csv",
            cols("cntry_an", S, "question_key", S, "pro_score", D, "lnge_iso", S)),
        read(folder, "ground_truth_all_countries.csv",
            cols("cntry_an", S, "question_key", S, "pro_score", D, "language", S)),
        read(folder, "country_languages.csv", cols("cntry_AN", S, "lnge_iso", S)),
        read(folder, "gt_self_consistency.csv", cols("cntry_AN", S, "self_consistency", D)),
        read(folder, "multilingual_benchmarks.csv",
            cols("model", S, "benchmark", S, "language", S, "score", D, "family", S)),
        folder);
  }

  /** The demographic-prompting results ({@code demographic-gemma-results.csv}). */
  public Table demographicResults() {
    return read(folder, "demographic-gemma-results.csv",
        cols("language", S, "question_key", S, "country", S, "is_congruent", S, "model", S,
            "model_family", S, "response_pro_score", D, "response_language", S,
            "ground_truth_pro_score", D));
  }

  private static Map<String, ColumnType> cols(Object... kv) {
    Map<String, ColumnType> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (ColumnType) kv[i + 1]);
    return m;
  }

  /**
   * Reads a CSV keeping only the named columns with the given types; a missing file,
   * missing column or unparsable value is an error naming the file and what was expected.
   */
  static Table read(Path folder, String name, Map<String, ColumnType> columns) {
    Path file = folder.resolve(name);
    if (!Files.isRegularFile(file))
      throw new IllegalArgumentException("missing input file " + name + " (expected in the dataset folder)");
    String[] header;
    try (var r = Files.newBufferedReader(file)) {
      String line = r.readLine();
      if (line == null) throw new IllegalArgumentException(name + ": empty file, expected a header with " + columns.keySet());
      header = line.split(",", -1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    ColumnType[] types = new ColumnType[header.length];
    for (int i = 0; i < header.length; i++) types[i] = columns.getOrDefault(header[i].trim(), ColumnType.SKIP);
    for (String c : columns.keySet())
      if (!java.util.Arrays.asList(header).contains(c))
        throw new IllegalArgumentException(name + " line 1: missing column '" + c + "'; expected columns " + columns.keySet());
    try {
      Table t = Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
          .columnTypes(types).missingValueIndicator("").maxCharsPerColumn(1 << 20).build());
      for (String c : columns.keySet())
        if (t.column(c).countMissing() > 0 && columns.get(c) == D)
          throw new IllegalArgumentException(name + ": column '" + c + "' has "
              + t.column(c).countMissing() + " empty values; expected numbers");
      return t.setName(name);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith(name)) throw e;
      throw new IllegalArgumentException(name + ": cannot parse as " + columns + ": " + e.getMessage(), e);
    }
  }
}
