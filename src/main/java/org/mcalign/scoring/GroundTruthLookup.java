package org.mcalign.scoring;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.StageInputException;

/**
 * Ground-truth pro scores by (question_key, language), the right side of the stage-6 join.
 * Keys are compared lower-case (the per-language file spells them upper-case, the prompts lower).
 * Values keep the file's text so that written numbers are the file's.
 */
public final class GroundTruthLookup {
  private final Map<String, String> values;

  private GroundTruthLookup(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Reads {@code ground_truth.csv} (question_key, pro_score, language) or
   * {@code ground_truth_per_language.csv} (question_key, lnge_iso, pro_score).
   */
  public static GroundTruthLookup read(Path file) {
    CsvRecords csv = CsvRecords.read(file, "question_key", "pro_score");
    String langCol = csv.columns().contains("language") ? "language" : "lnge_iso";
    if (!csv.columns().contains(langCol)) {
      throw new StageInputException(file.getFileName() + ": expected a 'language' or 'lnge_iso' column, found " + csv.columns());
    }
    Map<String, String> m = new LinkedHashMap<>();
    int line = 1;
    for (Map<String, String> r : csv.rows()) {
      line++;
      String v = r.get("pro_score");
      if (!v.isEmpty()) {
        try {
          Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw new StageInputException(file.getFileName() + " line " + line + ", column pro_score: '" + v + "' is not a number");
        }
      }
      m.putIfAbsent(key(r.get("question_key"), r.get(langCol)), v);
    }
    return new GroundTruthLookup(m);
  }

  public static GroundTruthLookup of(Map<String, Double> byKeyAndLanguage) {
    Map<String, String> m = new LinkedHashMap<>();
    byKeyAndLanguage.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), org.mcalign.prompts.PythonFormat.repr(v)));
    return new GroundTruthLookup(m);
  }

  public static String key(String questionKey, String language) {
    return questionKey.toLowerCase(Locale.ROOT) + "|" + language.toLowerCase(Locale.ROOT);
  }

  /** The pro score's text, empty when the pair has no (or an empty) ground truth. */
  public Optional<String> get(String questionKey, String language) {
    String v = values.get(key(questionKey, language));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  public int size() {
    return values.size();
  }
}
