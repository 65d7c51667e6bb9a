package org.mcalign.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mcalign.data.Study;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.PythonFormat;
import org.mcalign.prompts.StageInputException;

/**
 * Stage 6, the paper's {@code analyze_batch.py}: classifier answers (sorted by custom_id) are
 * put beside the responses row by row, each gets its pro score, the ground truth is joined on
 * (question_key, language), rows without a score or ground truth are dropped and only rows whose
 * detected response language equals the prompt language are kept.
 */
public final class ScoreMerge {
  private ScoreMerge() {}

  /** Columns of {@code all_lang_model_responses_with_scores.csv}. */
  public static final List<String> SCORED_COLUMNS =
      List.of(
          "model_name", "model_family", "template_type", "language", "response_language", "question_key",
          "response_pro_score", "ground_truth_pro_score");

  /** The paper's {@code create_score_df} columns appended to each response row. */
  public static final List<String> SCORE_COLUMNS =
      List.of("response_pro_score", "response_language", "response_pro_con", "custom_id");

  /**
   * The family of a model in {@code study} (a path such as {@code google/gemma-2-2b-it} is
   * accepted); a model the study does not declare is an error naming it and study.json.
   */
  public static String familyOf(String model, Study study) {
    return study.familyOf(model).orElseThrow(() -> new StageInputException(
        study.undeclared("model", List.of(model), "the responses")));
  }

  /** The paper's {@code get_model_name}: the id without an organisation prefix. */
  public static String modelName(String model) {
    return model.substring(model.lastIndexOf('/') + 1);
  }

  /**
   * Counts of what the merge kept and dropped, for the notebooks' summary table.
   */
  public record Counts(int responses, int unparsed, int undefinedScore, int noGroundTruth, int languageMismatch, int kept) {}

  /** Result of a merge: all joined rows (every input column plus scores and ground truth) and the counts. */
  public record Merged(List<String> columns, List<Map<String, String>> rows, Counts counts) {
    public CsvRecords select(List<String> cols) {
      return new CsvRecords(cols, rows);
    }

    public CsvRecords all() {
      return new CsvRecords(columns, rows);
    }

    /** The paper's scored-responses table. */
    public CsvRecords scored() {
      return select(SCORED_COLUMNS);
    }
  }

  /**
   * Joins responses and answers row by row (equal counts required), scores, joins the ground
   * truth and filters. The response rows need {@code question_key}, {@code language} and a model
   * column ({@code model}); {@code model_name} and {@code model_family} are added.
   */
  public static Merged merge(
      CsvRecords responses, List<ClassifiedOpinions> answers, GroundTruthLookup groundTruth,
      Function<String, String> family) {
    List<ClassifiedOpinions> sorted = ClassifierOutputs.sorted(answers);
    if (responses.size() != sorted.size()) {
      throw new StageInputException(
          "Mismatch between response and score count: " + responses.size() + " responses, " + sorted.size()
              + " classifier answers");
    }
    for (String need : List.of("question_key", "language", "model")) {
      if (!responses.columns().contains(need)) {
        throw new StageInputException("responses lack column '" + need + "'; found " + responses.columns());
      }
    }
    List<String> columns = new ArrayList<>(responses.columns());
    for (String c : SCORE_COLUMNS) if (!columns.contains(c)) columns.add(c);
    columns.add("ground_truth_pro_score");
    if (!columns.contains("model_family")) columns.add("model_family");
    if (!columns.contains("model_name")) columns.add("model_name");
    int unparsed = 0, undefined = 0, noGt = 0, mismatch = 0;
    List<Map<String, String>> kept = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Map<String, String> r = new LinkedHashMap<>(responses.rows().get(i));
      ClassifiedOpinions a = sorted.get(i);
      double score = a.proScore();
      r.put("response_pro_score", Double.isNaN(score) ? "" : PythonFormat.repr(score));
      r.put("response_language", a.language() == null ? "" : a.language());
      r.put("response_pro_con", a.proCon());
      r.put("custom_id", a.customId());
      String gt = groundTruth.get(r.get("question_key"), r.get("language")).orElse("");
      r.put("ground_truth_pro_score", gt.isEmpty() ? "" : PythonFormat.repr(Double.parseDouble(gt)));
      String model = r.get("model");
      r.putIfAbsent("model_family", family.apply(model));
      r.putIfAbsent("model_name", modelName(model));
      if (!a.parsed()) unparsed++;
      if (Double.isNaN(score)) {
        undefined++;
        continue;
      }
      if (gt.isEmpty()) {
        noGt++;
        continue;
      }
      if (model.isEmpty() || r.get("language").isEmpty()) continue;
      if (!r.get("language").equals(r.get("response_language"))) {
        mismatch++;
        continue;
      }
      kept.add(r);
    }
    return new Merged(columns, kept, new Counts(sorted.size(), unparsed, undefined, noGt, mismatch, kept.size()));
  }

  /** {@link #merge(CsvRecords, List, GroundTruthLookup, Function)} with the families of the paper's study. */
  public static Merged merge(CsvRecords responses, List<ClassifiedOpinions> answers, GroundTruthLookup groundTruth) {
    return merge(responses, answers, groundTruth, Study.paper());
  }

  /** {@link #merge(CsvRecords, List, GroundTruthLookup, Function)} with the families of {@code study}. */
  public static Merged merge(CsvRecords responses, List<ClassifiedOpinions> answers, GroundTruthLookup groundTruth, Study study) {
    return merge(responses, answers, groundTruth, m -> familyOf(m, study));
  }

  /** Columns of the paper's {@code demographic-gemma-results.csv}. */
  public static final List<String> DEMOGRAPHIC_COLUMNS =
      List.of(
          "index", "language", "prompt", "topic", "question_key", "question_name", "country", "is_congruent", "model",
          "model_family", "response_pro_score", "response_language", "response_pro_con", "ground_truth_pro_score");

  /**
   * The paper's {@code analyze_demographic_nonbatch.py}: the demographic prompt table with one
   * model's responses, merged as above, in the columns of {@code demographic-gemma-results.csv}.
   */
  public static Merged demographic(
      CsvRecords demographicPrompts, List<ClassifiedOpinions> answers, GroundTruthLookup groundTruth, String model) {
    return demographic(demographicPrompts, answers, groundTruth, model, Study.paper());
  }

  /** {@link #demographic(CsvRecords, List, GroundTruthLookup, String)} with the families of {@code study}. */
  public static Merged demographic(
      CsvRecords demographicPrompts, List<ClassifiedOpinions> answers, GroundTruthLookup groundTruth, String model, Study study) {
    List<String> cols = new ArrayList<>(demographicPrompts.columns());
    cols.add("model");
    cols.add("model_family");
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> r : demographicPrompts.rows()) {
      Map<String, String> m = new LinkedHashMap<>(r);
      m.put("model", model);
      m.put("model_family", familyOf(model, study));
      rows.add(m);
    }
    Merged all = merge(new CsvRecords(cols, rows), answers, groundTruth, study);
    List<String> out = DEMOGRAPHIC_COLUMNS.stream().filter(all.columns()::contains).toList();
    return new Merged(out, all.rows(), all.counts());
  }
}
