package org.mcalign.prompts;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.ResponseStore;
import org.mcalign.llm.SimulatedServer;

/** Stages 3–4 over HTTP against the simulated server: direct and Batch API modes, answers kept, never asked twice. */
class EndpointBackendTest {
  @TempDir Path dir;

  @Test
  void directAndBatchModesAnswerEveryPromptOnceInOrder() {
    List<PromptRow> prompts = PromptTable.ofType(
        PromptTable.read(PaperData.dir().resolve("translated_prompts_with_english_no_controversy.csv")), "survey_hypothetical")
        .subList(0, 30);
    List<BatchRequestLine> req = ResponseTable.requests(prompts, "gemma-2-27b-it", Sampling.VLLM_PAPER);
    try (SimulatedServer s = SimulatedServer.builder().model((p, rng) -> "echo 1. " + p.text() + " 11. cut").start();
        ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      EndpointBackend direct = new EndpointBackend(Endpoint.of(s.baseUrl()), store, "direct", 4, null);
      List<String> a = direct.answer(req);
      for (int i = 0; i < prompts.size(); i++) {
        // the paper's stop sequence "11." cut the text
        assertEquals("echo 1. " + prompts.get(i).filledPrompt() + " ", a.get(i));
      }
      assertEquals(30, direct.lastResult().answered());
      long paid = s.ledger().paidTotal();
      List<String> again = direct.answer(req);
      assertEquals(a, again);
      assertEquals(30, direct.lastResult().alreadyDone());
      assertEquals(paid, s.ledger().paidTotal(), "a rerun must not ask again");
      EndpointBackend batch = new EndpointBackend(Endpoint.of(s.baseUrl()), store, "batch", 4, null, true);
      assertEquals(a, batch.answer(req));
      var csv = ResponseTable.of(prompts, "gemma-2-27b-it", a);
      assertEquals(List.of("index", "language", "template_type", "prompt", "topic", "question_key", "controversy", "cateogry",
          "question_name", "model", "response"), csv.columns());
    }
  }
}
