package org.mcalign.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.scoring.ClassifierOutputs;
import org.mcalign.scoring.GroundTruthLookup;
import org.mcalign.scoring.ScoreMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign score}: stage 6, pro scores merged with the ground truth. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Stage 6: pro scores from classifier answers, joined with the ground truth → all_lang_model_responses_with_scores.csv",
        "For the paper's scores use --ground-truth " + ScoreCommand.PAPER_GROUND_TRUTH + " of the paper's data. Writes OUT.source.json"
            + " beside --out: where the responses and classifier answers came from (their own .source.json, written by respond and"
            + " classify run: the simulated server or an endpoint), which analyze --scores reads into provenance.json."})
final class ScoreCommand implements Callable<Integer> {
  @Option(names = "--responses", required = true, description = "responses CSV (all_prompts_responses_{model}.csv), rows in request order")
  Path responses;

  @Option(names = "--answers", required = true, description = "classifier output JSONL (batch output or parsed lines)")
  Path answers;

  /** The ground truth file whose scores are the paper's (checked by ScoreGroundTruthTest on the paper's data). */
  static final String PAPER_GROUND_TRUTH = "ground_truth.csv";

  @Option(names = "--ground-truth", required = true, paramLabel = "CSV",
      description = {"The ground truth joined to each response by question and language: " + PAPER_GROUND_TRUTH
          + " (question_key, pro_score, language) reproduces the paper's all_lang_model_responses_with_scores.csv (its"
          + " ground_truth_pro_score on all 9,148 rows); ground_truth_per_language.csv (lnge_iso, question_key, pro_score) is"
          + " another file of the paper's, with other values, and lacks some questions (1,350 of the paper's rows are dropped"
          + " as 'no ground truth'): use it only on purpose."})
  Path groundTruth;

  @Option(names = "--template-type", defaultValue = "survey_hypothetical",
      description = "keep responses of this template type before joining (the paper's get_family_data); 'all' keeps every row")
  String templateType;

  @Option(names = "--model", description = "model id for a responses file without a 'model' column") String model;

  @Option(names = "--out", required = true, paramLabel = "CSV", description = "the scored responses (with OUT.source.json beside it)")
  Path out;

  @Override
  public Integer call() {
    new PathGuard().input("--responses", responses).input("--answers", answers).input("--ground-truth", groundTruth)
        .output("--out", out).check();
    CsvRecords rows = CsvRecords.read(responses, "question_key", "language");
    if (rows.size() == 0) throw new IllegalArgumentException("--responses " + responses + " holds no rows: nothing to score");
    if (!rows.columns().contains("model")) {
      if (model == null) throw new IllegalArgumentException(responses.getFileName() + " has no 'model' column: give --model");
      var cols = new java.util.ArrayList<>(rows.columns());
      cols.add("model");
      rows = new CsvRecords(cols, rows.rows().stream().map(r -> {
        var m = new java.util.LinkedHashMap<>(r);
        m.put("model", model);
        return (java.util.Map<String, String>) m;
      }).toList());
    }
    if (!templateType.equals("all") && rows.columns().contains("template_type")) {
      rows = new CsvRecords(rows.columns(),
          rows.rows().stream().filter(r -> r.get("template_type").equals(templateType)).toList());
    }
    var merged = ScoreMerge.merge(rows, ClassifierOutputs.read(answers), GroundTruthLookup.read(groundTruth));
    var c = merged.counts();
    String counts = String.format("responses %d, unparsed %d, undefined score %d, no ground truth %d, other language %d, kept %d",
        c.responses(), c.unparsed(), c.undefinedScore(), c.noGroundTruth(), c.languageMismatch(), c.kept());
    if (c.kept() == 0) {
      throw new IllegalStateException("no response kept (" + counts + "): check that --answers are the classifier answers to"
          + " --responses (same rows, same order), that they parsed, and that --ground-truth covers their questions and"
          + " languages; " + out + " was not written");
    }
    merged.scored().write(out);
    java.util.Map<String, java.util.Optional<org.mcalign.data.InputOrigin>> from = new java.util.LinkedHashMap<>();
    from.put("responses " + responses.getFileName(), org.mcalign.data.InputOrigin.read(responses));
    from.put("classifier answers " + answers.getFileName(), org.mcalign.data.InputOrigin.read(answers));
    org.mcalign.data.InputOrigin.combine("scores", from).writeFor(out);
    System.out.println(counts + " → " + out.getFileName());
    return 0;
  }
}
