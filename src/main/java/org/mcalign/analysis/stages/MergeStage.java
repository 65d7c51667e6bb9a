package org.mcalign.analysis.stages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mcalign.data.Dataset;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.scoring.ClassifierOutputs;
import org.mcalign.scoring.GroundTruthLookup;
import org.mcalign.scoring.ScoreMerge;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 06: pro scores merged with the ground truth, and the check against the published files. */
public final class MergeStage {
  private final Dataset dataset;

  private MergeStage(Dataset dataset) {
    this.dataset = dataset;
  }

  public static MergeStage of(Dataset dataset) {
    return new MergeStage(dataset);
  }

  private String title(String t) {
    return dataset.isDemo() ? "DEMO — " + t : t;
  }

  /**
   * The demographic experiment rebuilt from its inputs (prompt table + classifier JSONL +
   * {@code ground_truth.csv}) and compared row by row with the published
   * {@code demographic-gemma-results.csv}.
   */
  public Table reproduceDemographic() {
    CsvRecords prompts = CsvRecords.read(dataset.path("demographic-all_prompts_responses.csv"));
    var answers = ClassifierOutputs.read(dataset.path("demographic-analysis-responses.jsonl"));
    var merged = ScoreMerge.demographic(prompts, answers, GroundTruthLookup.read(dataset.path("ground_truth.csv")), "gemma-2-27b-it",
        dataset.study());
    String name = (dataset.isDemo() ? "DEMO-" : "") + "demographic-gemma-results.csv";
    merged.all().write(StageOutputs.folder(dataset).resolve(name));
    CsvRecords published = CsvRecords.read(dataset.path("demographic-gemma-results.csv"));
    return compare("demographic-gemma-results.csv", merged.all(), published, StageOutputs.relative(dataset) + "/" + name);
  }

  private Table compare(String what, CsvRecords ours, CsvRecords published, String output) {
    int equal = 0;
    double maxScore = 0, maxGt = 0;
    int n = Math.min(ours.size(), published.size());
    for (int i = 0; i < n; i++) {
      Map<String, String> a = ours.rows().get(i), b = published.rows().get(i);
      double ds = Math.abs(Double.parseDouble(a.get("response_pro_score")) - Double.parseDouble(b.get("response_pro_score")));
      double dg = Math.abs(Double.parseDouble(a.get("ground_truth_pro_score")) - Double.parseDouble(b.get("ground_truth_pro_score")));
      maxScore = Math.max(maxScore, ds);
      maxGt = Math.max(maxGt, dg);
      if (ds == 0 && dg == 0 && a.get("question_key").equals(b.get("question_key")) && a.get("language").equals(b.get("language"))
          && a.get("response_language").equals(b.get("response_language"))) {
        equal++;
      }
    }
    return Table.create(title("reproduction of " + what),
        StringColumn.create("published rows", String.valueOf(published.size())),
        StringColumn.create("our rows", String.valueOf(ours.size())),
        IntColumn.create("rows equal", new int[] {equal}),
        DoubleColumn.create("max |Δ response_pro_score|", maxScore),
        DoubleColumn.create("max |Δ ground_truth_pro_score|", maxGt),
        StringColumn.create("output", output));
  }

  /**
   * Stage 6 for the given models: each model's survey responses beside its classifier answers
   * (notebook 05's, else the dataset's {@code {model}-analysis-responses.jsonl}), joined with
   * {@code ground_truth.csv}; one table in the paper's format. Returns the per-model counts.
   */
  public Table merge(List<String> models) {
    GroundTruthLookup gt = GroundTruthLookup.read(dataset.path("ground_truth.csv"));
    List<Map<String, String>> all = new ArrayList<>();
    StringColumn model = StringColumn.create("model");
    IntColumn responses = IntColumn.create("responses");
    IntColumn undefined = IntColumn.create("undefined score");
    IntColumn noGt = IntColumn.create("no ground truth");
    IntColumn other = IntColumn.create("other language");
    IntColumn kept = IntColumn.create("kept");
    for (String m : models) {
      CsvRecords r = ClassificationStage.of(dataset).responses(m);
      CsvRecords survey = new CsvRecords(r.columns(),
          r.rows().stream().filter(x -> x.getOrDefault("template_type", "survey_hypothetical").equals("survey_hypothetical")).toList());
      var merged = ScoreMerge.merge(survey, ClassifierOutputs.read(answersFile(m)), gt, dataset.study());
      all.addAll(merged.rows());
      var c = merged.counts();
      if (c.kept() == 0) {
        throw new IllegalStateException("model " + m + ": no response kept (" + c + ") — are its classifier answers ("
            + answersFile(m).getFileName() + ") those of its responses, and do they parse? Nothing was written");
      }
      model.append(m);
      responses.append(c.responses());
      undefined.append(c.undefinedScore());
      noGt.append(c.noGroundTruth());
      other.append(c.languageMismatch());
      kept.append(c.kept());
    }
    String name = (dataset.isDemo() ? "DEMO-" : "") + "all_lang_model_responses_with_scores.csv";
    new CsvRecords(ScoreMerge.SCORED_COLUMNS, all).write(StageOutputs.folder(dataset).resolve(name));
    return Table.create(title("merge → " + StageOutputs.relative(dataset) + "/" + name), model, responses, undefined, noGt, other, kept);
  }

  private Path answersFile(String model) {
    Path own = StageOutputs.folder(dataset).resolve((dataset.isDemo() ? "DEMO-" : "") + model + "-analysis-responses.jsonl");
    return Files.exists(own) ? own : dataset.path(model + "-analysis-responses.jsonl");
  }

  /** Our merged table against the dataset's {@code all_lang_model_responses_with_scores.csv}, rows compared in order. */
  public Table compareWithPublished() {
    String name = (dataset.isDemo() ? "DEMO-" : "") + "all_lang_model_responses_with_scores.csv";
    CsvRecords ours = CsvRecords.read(StageOutputs.folder(dataset).resolve(name));
    CsvRecords published = CsvRecords.read(dataset.path("all_lang_model_responses_with_scores.csv"));
    return compare("all_lang_model_responses_with_scores.csv", ours, published, StageOutputs.relative(dataset) + "/" + name);
  }

  /** The first rows of the merged table. */
  public Table sample(int n) {
    String name = (dataset.isDemo() ? "DEMO-" : "") + "all_lang_model_responses_with_scores.csv";
    CsvRecords ours = CsvRecords.read(StageOutputs.folder(dataset).resolve(name));
    Table t = new CsvRecords(ours.columns(), ours.rows().subList(0, Math.min(n, ours.size()))).toTable(title("scored responses"));
    // the score columns as numbers, so the notebook shows them formatted, not as the file's 17-digit text
    for (String c : List.of("response_pro_score", "ground_truth_pro_score")) {
      if (!t.columnNames().contains(c)) continue;
      tech.tablesaw.api.DoubleColumn d = tech.tablesaw.api.DoubleColumn.create(c);
      t.stringColumn(c).forEach(v -> d.append(v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v)));
      t.replaceColumn(c, d);
    }
    return t;
  }

}
