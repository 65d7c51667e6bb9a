package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.llm.PromptCatalog;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.llm.StanceMixModel;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.PaperData;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;

/** respond → classify run → score on the command line, against the simulated server. */
class StageCommandsTest {
  @TempDir Path dir;

  @Test
  void respondClassifyScoreEndToEnd() {
    Path data = PaperData.dir();
    List<PromptRow> survey = PromptTable.ofType(
        PromptTable.read(data.resolve("translated_prompts_with_english_no_controversy.csv")), "survey_hypothetical");
    Path prompts = PromptTable.write(survey.subList(0, 40), dir.resolve("prompts.csv"));
    try (SimulatedServer s = SimulatedServer.builder()
        .model(StanceMixModel.following((m, q, l) -> 0.8).withNoise(0.05))
        .prompts(PromptCatalog.fromCsv(prompts)).seed(3).start()) {
      Path responses = dir.resolve("all_prompts_responses_gemma-2-27b-it.csv");
      assertEquals(0, Main.run("respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it",
          "--base-url", s.baseUrl(), "--store", dir.resolve("r.db").toString(), "--out", responses.toString(), "--dry-run"),
          "a dry run sends nothing");
      assertEquals(0, s.ledger().events("chat"));
      assertFalse(Files.exists(responses));
      assertEquals(0, Main.run("respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it",
          "--base-url", s.baseUrl(), "--store", dir.resolve("r.db").toString(), "--yes", "--out", responses.toString()));
      Path answers = dir.resolve("answers.jsonl");
      assertEquals(0, Main.run("classify", "run", "--responses", responses.toString(), "--stances",
          data.resolve("stance_labels.json").toString(), "--base-url", s.baseUrl(), "--store", dir.resolve("r.db").toString(),
          "--yes", "--out", answers.toString()));
      Path scored = dir.resolve("scored.csv");
      assertEquals(0, Main.run("score", "--responses", responses.toString(), "--answers", answers.toString(),
          "--ground-truth", data.resolve("ground_truth.csv").toString(), "--out", scored.toString()));
      CsvRecords r = CsvRecords.read(scored);
      assertEquals("model_name", r.columns().get(0));
      assertTrue(r.size() > 20, "rows " + r.size());
      double mean = r.rows().stream().mapToDouble(x -> Double.parseDouble(x.get("response_pro_score"))).average().orElseThrow();
      assertEquals(0.8, mean, 0.1, "the planted pro share comes back through the classifier");
      // each file made from the simulated server's answers says so, and so do the scores made from them
      for (Path made : List.of(responses, answers, scored)) {
        org.mcalign.data.InputOrigin o = org.mcalign.data.InputOrigin.read(made).orElseThrow();
        assertEquals(org.mcalign.data.InputOrigin.Kind.SIMULATED, o.kind(), made + ": " + o);
      }
      assertTrue(org.mcalign.data.InputOrigin.read(responses).orElseThrow().description().contains("responses of gemma-2-27b-it"));
      assertTrue(org.mcalign.data.InputOrigin.read(scored).orElseThrow().description().contains("all_prompts_responses_gemma-2-27b-it.csv"));
    }
  }
}
