package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.llm.PromptCatalog;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.llm.StanceMixModel;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.PaperData;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;

/** {@code respond --served-model}: requests carry the server's name, results the paper's model id. */
class RespondServedModelTest {
  @TempDir Path dir;

  Path prompts() {
    List<PromptRow> survey = PromptTable.ofType(
        PromptTable.read(PaperData.dir().resolve("translated_prompts_with_english_no_controversy.csv")), "survey_hypothetical");
    return PromptTable.write(survey.subList(0, 12), dir.resolve("prompts.csv"));
  }

  @Test
  void requestsGoOutUnderTheServedNameAndResultsKeepThePaperId() {
    Path prompts = prompts();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (SimulatedServer s = SimulatedServer.builder()
        .model(StanceMixModel.following((m, q, l) -> {
          seen.add(m);
          return 0.5;
        }))
        .prompts(PromptCatalog.fromCsv(prompts)).seed(3).start()) {
      Path responses = dir.resolve("all_prompts_responses_gemma-2-27b-it.csv");
      assertEquals(0, Main.run("respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it",
          "--served-model", "google/gemma-2-27b-it", "--base-url", s.baseUrl(), "--store", dir.resolve("r.db").toString(),
          "--yes", "--out", responses.toString()));
      assertEquals(Set.of("google/gemma-2-27b-it"), seen, "the model name in the requests");
      CsvRecords r = CsvRecords.read(responses);
      assertEquals(12, r.size());
      for (var row : r.rows()) assertEquals("gemma-2-27b-it", row.get("model"));
    }
  }

  @Test
  void withoutServedModelAVllmServerIsAskedForTheHuggingFaceId() {
    Path prompts = prompts();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (SimulatedServer s = SimulatedServer.builder()
        .model(StanceMixModel.following((m, q, l) -> {
          seen.add(m);
          return 0.5;
        }))
        .prompts(PromptCatalog.fromCsv(prompts)).seed(3).start()) {
      assertEquals(0, Main.run("respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it",
          "--base-url", s.baseUrl(), "--store", dir.resolve("r.db").toString(), "--yes", "--out", dir.resolve("out.csv").toString()));
      assertEquals(Set.of("google/gemma-2-27b-it"), seen, "vLLM serves the paper's open models under their Hugging Face ids");
    }
  }

  @Test
  void batchFileOfRequestsOnlyNamesTheServedModel() throws Exception {
    Path prompts = prompts();
    Path jsonl = dir.resolve("requests.jsonl");
    assertEquals(0, Main.run("respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it",
        "--served-model", "google/gemma-2-27b-it", "--requests-only", "--out", jsonl.toString()));
    List<String> lines = Files.readAllLines(jsonl);
    assertEquals(12, lines.size());
    for (String l : lines) {
      assertTrue(l.contains("\"model\": \"google/gemma-2-27b-it\""), l);
      assertTrue(l.contains("\"custom_id\": \"gemma-2-27b-it-answers-"), l);
    }
  }
}
