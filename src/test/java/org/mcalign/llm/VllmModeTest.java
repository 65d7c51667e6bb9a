package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated server in vLLM mode as a client meets it: the model list with each context
 * length, vLLM's own error bodies carried into failures and the store, the pre-flight check, a
 * run stopped at the first request when the served name is wrong, and the request log.
 */
class VllmModeTest {
  @TempDir Path dir;

  static final RetryPolicy FAST = RetryPolicy.defaults().withDelays(Duration.ofMillis(2), Duration.ofMillis(20));

  static SimulatedServer vllm(String served, int context) {
    return SimulatedServer.builder().vllm(List.of(served), context).start();
  }

  @Test
  void theModelListNamesTheServedModelsWithTheirContext() {
    try (SimulatedServer s = vllm("google/gemma-2-27b-it", 4096)) {
      List<ServerInfo.Listing> l = ServerInfo.probe(Endpoint.of(s.baseUrl()), Duration.ofSeconds(5));
      assertEquals(1, l.size());
      assertTrue(l.get(0).listed(), l.toString());
      assertEquals(List.of(new ServerInfo.ServedModel("google/gemma-2-27b-it", java.util.OptionalInt.of(4096))), l.get(0).models());
    }
    try (SimulatedServer openAiLike = SimulatedServer.start()) {
      ServerInfo.Listing l = ServerInfo.probe(Endpoint.of(openAiLike.baseUrl()), Duration.ofSeconds(5)).get(0);
      assertTrue(l.reachable());
      assertFalse(l.listed());
      assertTrue(l.problem().contains("HTTP 404"), l.problem());
    }
  }

  @Test
  void aWrongServedNameStopsAtTheFirstRequestWithVllmsMessage() {
    List<ChatRequest> reqs = TestRequests.answers(200, "gemma-2-27b-it");
    try (SimulatedServer s = vllm("google/gemma-2-27b-it", 4096); ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      RunResult r = DirectRun.builder(Endpoint.of(s.baseUrl()).withRetry(FAST), store, "r").concurrency(32).progressStream(null)
          .build().run(reqs);
      assertEquals(1, s.ledger().events("chat"), "nothing sent after the first refusal");
      assertEquals(0, r.answered());
      assertEquals(200, r.failed());
      String stopped = r.stoppedBecause().orElseThrow();
      assertTrue(stopped.contains("HTTP 404: The model `gemma-2-27b-it` does not exist."), stopped);
      assertTrue(stopped.contains("--served-model"), stopped);
      String stored = store.failures("r").values().iterator().next();
      assertTrue(stored.contains("The model `gemma-2-27b-it` does not exist."), "the server's words are kept in the store: " + stored);
    }
  }

  @Test
  void thePreflightFindsAWrongNameAndPromptsThatDoNotFitBeforeAnythingIsSent() {
    try (SimulatedServer s = vllm("gemma", 600)) {
      Endpoint e = Endpoint.of(s.baseUrl());
      Preflight.Report wrong = Preflight.check(e, TestRequests.answers(3, "google/gemma-2-27b-it"));
      assertFalse(wrong.ok());
      assertTrue(wrong.blocking().get(0).contains("The model `google/gemma-2-27b-it` does not exist") && wrong.blocking().get(0).contains("[gemma]"),
          wrong.toString());
      List<ChatRequest> reqs = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) reqs.add(ChatRequest.builder("short-" + i).model("gemma").user("a short prompt " + i).maxTokens(100).build());
      reqs.add(ChatRequest.builder("long").model("gemma").user("word ".repeat(2000)).maxTokens(100).build());
      Preflight.Report one = Preflight.check(e, reqs);
      assertTrue(one.ok(), one.toString());
      assertEquals(List.of("long"), List.copyOf(one.tooLong().keySet()));
      assertTrue(one.toString().contains("1 of 6 prompts do not fit the context") && one.toString().contains("> 600"), one.toString());
      Preflight.Report none = Preflight.check(e, reqs.subList(5, 6));
      assertFalse(none.ok());
      assertTrue(none.blocking().get(0).startsWith("none of the prompts fits"), none.toString());
      assertEquals(0, s.ledger().events("chat"), "the check sends no chat request");
      // what the server itself says about the long prompt, kept in the failure
      try (EndpointClient c = new EndpointClient(e.withRetry(FAST))) {
        LlmException x = assertThrows(LlmException.class, () -> c.complete(reqs.get(5)));
        assertEquals(400, x.statusCode());
        assertTrue(x.getMessage().contains("HTTP 400: This model's maximum context length is 600 tokens. However, you requested"), x.getMessage());
        assertTrue(FailureAdvice.whatToFix(400, x.getMessage()).orElseThrow().contains("--max-tokens"));
      }
    }
  }

  @Test
  void aFailureThatRepeatsStopsTheRunSayingWhatToFix() {
    List<ChatRequest> reqs = new java.util.ArrayList<>();
    reqs.add(ChatRequest.builder("fits").model("gemma").user("short").maxTokens(50).build());
    for (int i = 0; i < 300; i++) reqs.add(ChatRequest.builder("long-" + i).model("gemma").user(i + " " + "word ".repeat(1000)).maxTokens(50).build());
    try (SimulatedServer s = vllm("gemma", 400); ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      RunResult r = DirectRun.builder(Endpoint.of(s.baseUrl()).withRetry(FAST), store, "r").concurrency(1).progressStream(null)
          .build().run(reqs);
      assertEquals(1, r.answered());
      assertEquals(20, s.ledger().events("context-too-long"), "stopped after 20 identical refusals in a row");
      assertTrue(r.stoppedBecause().orElseThrow().startsWith("20 requests in a row failed the same way"), r.stopped());
      assertTrue(r.stopped().contains("maximum context length is 400 tokens") && r.stopped().contains("--max-model-len"), r.stopped());
    }
  }

  @Test
  void everyRequestIsLogged() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of("olmo"), 4096)
        .requestLog(new PrintStream(log, true, StandardCharsets.UTF_8)).start();
         EndpointClient c = new EndpointClient(Endpoint.of(s.baseUrl()).withRetry(FAST.withMaxAttempts(1)))) {
      c.complete(ChatRequest.builder("ok-1").model("olmo").user("hello").build());
      assertThrows(LlmException.class, () -> c.complete(ChatRequest.builder("bad-1").model("gemma").user("hello").build()));
      ServerInfo.probe(Endpoint.of(s.baseUrl()), Duration.ofSeconds(5));
      List<ServerLedger.LoggedRequest> seen = s.ledger().requests(3, Duration.ofSeconds(30));
      assertEquals(List.of(200, 404, 200), seen.stream().map(ServerLedger.LoggedRequest::status).toList());
      assertEquals("ok-1", seen.get(0).customId());
      assertEquals("gemma", seen.get(1).model());
      assertEquals("/models", seen.get(2).path());
      List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
      assertEquals(3, lines.size());
      assertTrue(lines.get(1).contains("\"status\":404") && lines.get(1).contains("\"model\":\"gemma\""), lines.get(1));
    }
  }
}
