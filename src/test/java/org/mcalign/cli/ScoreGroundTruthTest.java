package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.prompts.CsvRecords;

/**
 * Issue 18, Deliver 6: which ground truth file reproduces the paper's scores, as {@code score --help}
 * says. The paper's scored rows are turned back into responses and classifier answers (one answer per
 * row with the row's pro share), scored with each ground truth file, and compared with the paper's
 * ground_truth_pro_score.
 */
class ScoreGroundTruthTest {
  @TempDir Path dir;

  @Test
  void groundTruthCsvReproducesThePapersScoresAndTheHelpSaysSo() throws IOException {
    Path data = AnalyzeHypothesesCommandTest.paperData();
    CsvRecords paper = CsvRecords.read(data.resolve("all_lang_model_responses_with_scores.csv"));
    List<Map<String, String>> rows = new ArrayList<>();
    StringBuilder answers = new StringBuilder();
    for (int i = 0; i < paper.size(); i++) {
      Map<String, String> p = paper.rows().get(i);
      Map<String, String> r = new LinkedHashMap<>();
      r.put("model", p.get("model_name"));
      r.put("template_type", "survey_hypothetical");
      r.put("language", p.get("language"));
      r.put("question_key", p.get("question_key"));
      r.put("response", "text");
      rows.add(r);
      int pro = (int) Math.round(Double.parseDouble(p.get("response_pro_score")) * 120);
      List<String> ops = new ArrayList<>();
      for (int k = 0; k < 120; k++) ops.add(k < pro ? "\"pro\"" : "\"con\"");
      answers.append("{\"custom_id\": \"response-").append(i).append("\", \"language\": \"").append(p.get("response_language"))
          .append("\", \"opinions\": [").append(String.join(", ", ops)).append("]}\n");
    }
    Path responses = dir.resolve("responses.csv"), jsonl = dir.resolve("answers.jsonl");
    CsvRecords.write(responses, List.copyOf(rows.get(0).keySet()), rows);
    Files.writeString(jsonl, answers);
    Map<String, Integer> equal = new LinkedHashMap<>();
    Map<String, Integer> kept = new LinkedHashMap<>();
    for (String gt : List.of("ground_truth.csv", "ground_truth_per_language.csv")) {
      Path out = dir.resolve("scored-" + gt);
      CliRun r = CliRun.of("score", "--responses", responses.toString(), "--answers", jsonl.toString(), "--ground-truth",
          data.resolve(gt).toString(), "--out", out.toString());
      assertEquals(0, r.code(), r.err());
      List<Map<String, String>> mine = CsvRecords.read(out).rows();
      kept.put(gt, mine.size());
      int same = 0;
      for (int i = 0, j = 0; i < paper.size() && j < mine.size(); i++) {
        Map<String, String> p = paper.rows().get(i), m = mine.get(j);
        if (!p.get("question_key").equals(m.get("question_key")) || !p.get("language").equals(m.get("language"))
            || !p.get("model_name").equals(m.get("model_name"))) continue; // dropped by this ground truth
        j++;
        if (Math.abs(Double.parseDouble(p.get("ground_truth_pro_score")) - Double.parseDouble(m.get("ground_truth_pro_score"))) < 1e-12)
          same++;
      }
      equal.put(gt, same);
    }
    assertEquals(paper.size(), kept.get(ScoreCommand.PAPER_GROUND_TRUTH), "every row of the paper's kept");
    assertEquals(paper.size(), equal.get(ScoreCommand.PAPER_GROUND_TRUTH), "every ground_truth_pro_score the paper's");
    assertNotEquals(paper.size(), kept.get("ground_truth_per_language.csv"));
    assertEquals(0, equal.get("ground_truth_per_language.csv"), "the other file gives other values: " + equal);
    String help = CliRun.of("score", "--help").out();
    assertTrue(help.replaceAll("\\s+", " ").contains("ground_truth.csv (question_key, pro_score, language) reproduces the paper's"), help);
  }
}
