package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchCancelParams;
import com.openai.models.batches.BatchCreateParams;
import com.openai.models.batches.BatchListParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunTest {
  @TempDir Path dir;

  private static SimulatedServer.Builder fastServer() {
    return SimulatedServer.builder().batchTiming(Duration.ofMillis(10), Duration.ofMillis(30), Duration.ofMillis(10));
  }

  private static BatchRun.Builder batch(SimulatedServer s, ResponseStore store, String run) {
    return BatchRun.builder(Endpoint.of(s.baseUrl()).withRetry(DirectRunTest.FAST), store, run)
        .polling(Duration.ofMillis(5), Duration.ofMillis(20)).progressStream(null);
  }

  /** The SDK client, closable in try-with-resources. */
  record Api(OpenAIClient c) implements AutoCloseable {
    public com.openai.services.blocking.BatchService batches() {
      return c.batches();
    }

    public com.openai.services.blocking.FileService files() {
      return c.files();
    }

    @Override
    public void close() {
      c.close();
    }
  }

  private static Api sdk(SimulatedServer s) {
    return new Api(OpenAIOkHttpClient.builder().baseUrl(s.baseUrl()).apiKey("none").maxRetries(0).build());
  }

  @Test
  void splitsUploadsCreatesPollsAndMatchesByCustomId() {
    List<ChatRequest> reqs = TestRequests.answers(250, "gpt-4o");
    try (SimulatedServer server = SimulatedServer.builder()
            .batchTiming(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(10)).start(); ResponseStore store = ResponseStore.open(dir.resolve("b.db"))) {
      List<Progress> progress = new ArrayList<>();
      RunResult r = batch(server, store, "b").limits(100, 200L << 20).progress(progress::add).build().run(reqs);
      assertTrue(r.complete(), r.toString());
      assertEquals(3, server.ledger().events("batch-created"));
      assertEquals(3, store.batchIds("b").size());
      assertEquals(250, server.ledger().paidTotal());
      assertEquals(0, server.ledger().extraPayments());
      // the server shuffles output lines; each answer must still belong to its request
      for (ResponseStore.StoredAnswer a : store.answers("b")) {
        String topic = "topic " + (Integer.parseInt(a.customId().substring(a.customId().length() - 5)) % 37) + ".";
        assertTrue(a.bodyJson().contains(topic), a.customId());
      }
      // progress names the batches' states (which ones a poll catches depends on the machine's speed) and ends complete
      assertFalse(progress.isEmpty());
      for (Progress p : progress)
        assertTrue(p.phase().matches("batches \\{((validating|in_progress|finalizing|completed)=\\d+(, )?)+\\}"), "progress shows batch states: " + p);
      Progress last = progress.get(progress.size() - 1);
      assertTrue(last.phase().matches("batches \\{completed=[1-3]\\}"), "the last report: every batch it polled completed: " + progress);
      assertEquals(250, last.done());
      for (int i = 1; i < progress.size(); i++) assertTrue(progress.get(i).done() >= progress.get(i - 1).done(), "done never goes back");
      // metadata and window as the paper's scripts set them
      try (Api api = sdk(server)) {
        Batch b = api.batches().list(BatchListParams.builder().limit(10).build()).data().get(0);
        assertEquals("24h", b.completionWindow());
        var meta = b.metadata().orElseThrow()._additionalProperties();
        assertEquals("b", meta.get(BatchRun.META_RUN).asString().orElseThrow());
        assertEquals("mcalign run b", meta.get("description").asString().orElseThrow());
      }
    }
  }

  @Test
  void splitsByModelAndBytes() {
    List<ChatRequest> reqs = new ArrayList<>(TestRequests.answers(30, "gpt-4o"));
    reqs.addAll(TestRequests.answers(30, "gpt-4.1"));
    try (SimulatedServer server = fastServer().start(); ResponseStore store = ResponseStore.open(dir.resolve("b.db"))) {
      long limit = 10 * (reqs.get(0).toLine().getBytes(StandardCharsets.UTF_8).length + 1);
      BatchRun run = batch(server, store, "b").limits(50_000, limit).build();
      List<List<ChatRequest>> parts = run.split(reqs);
      assertTrue(parts.size() >= 6, "at least 30/10 parts per model");
      int total = 0;
      for (int i = 0; i < parts.size(); i++) {
        List<ChatRequest> p = parts.get(i);
        total += p.size();
        assertEquals(1, p.stream().map(ChatRequest::model).distinct().count(), "one model per batch");
        long bytes = p.stream().mapToLong(q -> q.toLine().getBytes(StandardCharsets.UTF_8).length + 1).sum();
        assertTrue(bytes <= limit, "part " + i + " has " + bytes + " bytes");
        boolean lastOfModel = i + 1 == parts.size() || !parts.get(i + 1).get(0).model().equals(p.get(0).model());
        if (!lastOfModel) {
          long next = parts.get(i + 1).get(0).toLine().getBytes(StandardCharsets.UTF_8).length + 1;
          assertTrue(bytes + next > limit, "part " + i + " could have taken one more line");
        }
      }
      assertEquals(60, total);
      RunResult r = run.run(reqs);
      assertTrue(r.complete());
      assertEquals(parts.size(), server.ledger().events("batch-created"));
    }
  }

  @Test
  void failedLinesAreResubmittedAndOnlyThey() {
    List<ChatRequest> reqs = TestRequests.answers(200, "gpt-4o");
    try (SimulatedServer server = fastServer().faults(Faults.parse("batch-line-fail=0.25")).start();
         ResponseStore store = ResponseStore.open(dir.resolve("b.db"))) {
      RunResult r = batch(server, store, "b").maxRounds(10).build().run(reqs);
      assertTrue(r.complete(), r.toString());
      long failedLines = server.ledger().events("batch-line-fail");
      assertTrue(failedLines > 20, "failed lines " + failedLines);
      assertEquals(200, server.ledger().paidTotal());
      assertEquals(0, server.ledger().extraPayments());
      assertTrue(server.ledger().events("batch-created") >= 2);
    }
  }

  @Test
  void expiredBatchesResubmitTheirUnfinishedLines() {
    List<ChatRequest> reqs = TestRequests.answers(120, "gpt-4o");
    try (SimulatedServer server = fastServer().faults(Faults.parse("batch-expire=0.6")).seed(3).start();
         ResponseStore store = ResponseStore.open(dir.resolve("b.db"))) {
      RunResult r = batch(server, store, "b").maxRounds(20).build().run(reqs);
      assertTrue(r.complete(), r.toString());
      assertTrue(server.ledger().events("batch-expired") > 0);
      assertEquals(120, server.ledger().paidTotal());
      assertEquals(0, server.ledger().extraPayments());
    }
  }

  @Test
  void givesUpAfterMaxRoundsAndLeavesTheRestForARerun() {
    List<ChatRequest> reqs = TestRequests.answers(40, "gpt-4o");
    try (ResponseStore store = ResponseStore.open(dir.resolve("b.db"))) {
      try (SimulatedServer server = fastServer().faults(Faults.parse("batch-line-fail=1")).start()) {
        RunResult r = batch(server, store, "b").maxRounds(2).build().run(reqs);
        assertEquals(40, r.failed());
        assertEquals(2, server.ledger().events("batch-created"));
        assertTrue(store.failures("b").values().iterator().next().contains("HTTP 500"));
      }
      try (SimulatedServer server = fastServer().start()) {
        RunResult r = batch(server, store, "b").build().run(reqs);
        assertTrue(r.complete());
        assertEquals(40, server.ledger().paidTotal());
      }
    }
  }

  @Test
  void reattachesToABatchWhoseIdWasStoredBeforeACrash() {
    List<ChatRequest> reqs = TestRequests.answers(60, "gpt-4o");
    try (SimulatedServer server = SimulatedServer.builder()
            .batchTiming(Duration.ofMillis(10), Duration.ofMillis(300), Duration.ofMillis(10)).start();
         ResponseStore store = ResponseStore.open(dir.resolve("b.db"))) {
      // "crash" at the first poll: the batch exists and its id is stored
      RuntimeException crash = assertThrows(RuntimeException.class, () -> batch(server, store, "b")
          .progress(p -> {
            throw new IllegalStateException("simulated crash");
          }).build().run(reqs));
      assertEquals("simulated crash", crash.getMessage());
      assertEquals(1, server.ledger().events("batch-created"));
      RunResult r = batch(server, store, "b").build().run(reqs);
      assertTrue(r.complete());
      assertEquals(1, server.ledger().events("batch-created"), "no batch created twice");
      assertEquals(60, server.ledger().paidTotal());
    }
  }

  @Test
  void findsABatchCreatedJustBeforeACrashByItsMetadata() {
    List<ChatRequest> reqs = TestRequests.answers(30, "gpt-4o");
    try (SimulatedServer server = fastServer().start(); ResponseStore store = ResponseStore.open(dir.resolve("b.db"));
         Api api = sdk(server)) {
      // the state a crash leaves between "batch created" and "batch id stored"
      store.register("b", reqs);
      String key = UUID.randomUUID().toString();
      store.createSubmission(key, "b", "gpt-4o", reqs);
      StringBuilder sb = new StringBuilder();
      reqs.forEach(q -> sb.append(q.toLine()).append('\n'));
      String fileId = api.files().create(FileCreateParams.builder().file(sb.toString().getBytes(StandardCharsets.UTF_8))
          .purpose(FilePurpose.BATCH).build()).id();
      store.updateSubmission(key, "uploaded", fileId, null, null);
      api.batches().create(BatchCreateParams.builder().inputFileId(fileId)
          .endpoint(BatchCreateParams.Endpoint.V1_CHAT_COMPLETIONS).completionWindow(BatchCreateParams.CompletionWindow._24H)
          .metadata(BatchCreateParams.Metadata.builder().putAdditionalProperty(BatchRun.META_PART, JsonValue.from(key)).build())
          .build());
      assertEquals(1, server.ledger().events("batch-created"));
      RunResult r = batch(server, store, "b").build().run(reqs);
      assertTrue(r.complete());
      assertEquals(1, server.ledger().events("batch-created"), "the existing batch was found, not recreated");
      assertEquals(30, server.ledger().paidTotal());
      assertEquals(1, server.ledger().events("file-upload"));
    }
  }

  @Test
  void cancelledBatchesAreResubmitted() {
    List<ChatRequest> reqs = TestRequests.answers(20, "gpt-4o");
    try (SimulatedServer server = SimulatedServer.builder()
            .batchTiming(Duration.ofMillis(1500), Duration.ofMillis(50), Duration.ofMillis(10)).start();
         ResponseStore store = ResponseStore.open(dir.resolve("b.db"));
         Api api = sdk(server)) {
      int[] polls = {0};
      RunResult r = batch(server, store, "b").progress(p -> {
        if (polls[0]++ == 0) {
          Batch b = api.batches().list(BatchListParams.builder().build()).data().get(0);
          Batch c = api.batches().cancel(BatchCancelParams.builder().batchId(b.id()).build());
          assertEquals("cancelled", c.status().toString());
        }
      }).build().run(reqs);
      assertTrue(r.complete());
      assertEquals(2, server.ledger().events("batch-created"));
      assertEquals(20, server.ledger().paidTotal());
    }
  }

  @Test
  void importsAVllmRunBatchOutputFile() throws Exception {
    List<ChatRequest> reqs = TestRequests.answers(5, "google/gemma-2-9b-it");
    Path input = dir.resolve("in.jsonl");
    BatchResults.writeInput(input, reqs);
    assertEquals(reqs.get(2).customId(), ChatRequest.readJsonl(input).get(2).customId());
    // vLLM run_batch output format, out of order, one line failed
    List<String> lines = new ArrayList<>();
    for (int i = 4; i >= 1; i--) {
      lines.add("{\"id\":\"vllm-" + i + "\",\"custom_id\":\"" + reqs.get(i).customId() + "\",\"response\":{\"status_code\":200,"
          + "\"request_id\":\"r\",\"body\":{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"google/gemma-2-9b-it\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"answer " + i + "\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3,\"total_tokens\":13}}},\"error\":null}");
    }
    lines.add("{\"id\":\"vllm-0\",\"custom_id\":\"" + reqs.get(0).customId() + "\",\"response\":{\"status_code\":400,\"body\":{\"error\":{\"message\":\"too long\"}}},\"error\":null}");
    Path out = dir.resolve("out.jsonl");
    Files.write(out, lines);
    try (ResponseStore store = ResponseStore.open(dir.resolve("b.db"))) {
      store.register("v", reqs);
      assertEquals(4, BatchRun.importResults(store, "v", out));
      assertEquals("answer 3", store.answer("v", reqs.get(3).customId()).orElseThrow().text());
      assertEquals(10, store.answer("v", reqs.get(3).customId()).orElseThrow().usage().promptTokens());
      assertTrue(store.failures("v").get(reqs.get(0).customId()).contains("too long"));
      assertEquals(1, store.pending("v").size());
    }
  }

  /**
   * Each status the server reports is the one its phase durations give for the time since the
   * batch was created, bracketed by the client's clock around the create and the retrieve calls
   * (a loaded machine widens the brackets; it cannot make a correct server fail), and the
   * statuses seen follow the lifecycle to completed.
   */
  @Test
  void batchStatusProgressesOverTime() throws Exception {
    List<String> lifecycle = List.of("validating", "in_progress", "finalizing", "completed");
    long phaseMs = 300;
    try (SimulatedServer server = SimulatedServer.builder()
            .batchTiming(Duration.ofMillis(phaseMs), Duration.ofMillis(phaseMs), Duration.ofMillis(phaseMs)).start();
         Api api = sdk(server)) {
      api.batches().list(BatchListParams.builder().build()); // load the SDK's classes before the clock runs
      try {
        api.batches().retrieve(com.openai.models.batches.BatchRetrieveParams.builder().batchId("none").build());
        fail("unknown batch ids are 404");
      } catch (com.openai.errors.NotFoundException expected) {
        // as OpenAI answers
      }
      StringBuilder sb = new StringBuilder();
      TestRequests.answers(3, "m").forEach(q -> sb.append(q.toLine()).append('\n'));
      String fileId = api.files().create(FileCreateParams.builder().file(sb.toString().getBytes(StandardCharsets.UTF_8))
          .purpose(FilePurpose.BATCH).build()).id();
      long createStart = System.nanoTime();
      Batch b = api.batches().create(BatchCreateParams.builder().inputFileId(fileId)
          .endpoint(BatchCreateParams.Endpoint.V1_CHAT_COMPLETIONS).completionWindow(BatchCreateParams.CompletionWindow._24H).build());
      long createEnd = System.nanoTime();
      List<String> seen = new ArrayList<>();
      for (int polls = 0; !seen.contains("completed"); polls++) {
        assertTrue(polls < 100_000, "the batch never completed: " + seen);
        long t0 = System.nanoTime();
        Batch now = api.batches().retrieve(com.openai.models.batches.BatchRetrieveParams.builder().batchId(b.id()).build());
        long t1 = System.nanoTime();
        String st = now.status().toString();
        // the server's age of the batch lies in [t0 - createEnd, t1 - createStart]
        int earliest = (int) Math.min(3, Math.max(0, (t0 - createEnd) / 1_000_000 / phaseMs));
        int latest = (int) Math.min(3, Math.max(0, (t1 - createStart) / 1_000_000 / phaseMs));
        int at = lifecycle.indexOf(st);
        assertTrue(at >= earliest && at <= latest, st + " reported between " + lifecycle.get(earliest) + " and " + lifecycle.get(latest));
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(st)) seen.add(st);
        if (st.equals("completed")) {
          assertEquals(3, now.requestCounts().orElseThrow().completed());
          assertTrue(now.outputFileId().isPresent());
        }
        Thread.sleep(10);
      }
      assertEquals(seen.stream().sorted(java.util.Comparator.comparingInt(lifecycle::indexOf)).toList(), seen, "in lifecycle order");
    }
  }
}
