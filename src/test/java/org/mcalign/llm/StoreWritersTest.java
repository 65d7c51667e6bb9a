package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.LeaseHeldException;

/**
 * In one process: a store's writer lease (runs share it through one store object, a second
 * store object is refused naming the holder), snapshots that never mix, readers that never
 * create a store, and failures of one mode retried by the other. Across processes:
 * {@code StoreLeaseIT}.
 */
class StoreWritersTest {
  @TempDir Path dir;

  @Test
  void aSecondWriterIsRefusedBeforeRegisteringAnythingAndRunsReenterTheirOwnLease() {
    Path db = dir.resolve("s.db");
    List<ChatRequest> reqs = TestRequests.answers(20, "m");
    try (SimulatedServer server = SimulatedServer.start();
         ResponseStore a = ResponseStore.open(db);
         ResponseStore b = ResponseStore.open(db);
         ResponseStore.Writing w = a.beginWriting("collect run 'x'")) {
      LeaseHeldException e = assertThrows(LeaseHeldException.class,
          () -> DirectRun.builder(Endpoint.of(server.baseUrl()), b, "x").progressStream(null).build().run(reqs));
      assertTrue(e.getMessage().contains("response store " + db) && e.getMessage().contains("collect run 'x'"), e.getMessage());
      assertEquals(0, b.status("x").total(), "nothing registered by the refused writer");
      assertEquals(0, server.ledger().events("chat"));
      // the holder's own runs share its lease
      RunResult r = DirectRun.builder(Endpoint.of(server.baseUrl()), a, "x").progressStream(null).build().run(reqs);
      assertTrue(r.complete());
      assertEquals(ProcessHandle.current().pid(), a.writer().orElseThrow().pid());
    }
    try (ResponseStore c = ResponseStore.open(db)) {
      assertTrue(c.writer().isEmpty(), "released with the store");
      assertEquals(20, c.status("x").done());
    }
  }

  @Test
  void snapshotsHoldAnswersAndCountsOfOneMomentWhileAWriterCommits() throws Exception {
    Path db = dir.resolve("s.db");
    List<ChatRequest> reqs = TestRequests.answers(400, "m");
    try (SimulatedServer server = SimulatedServer.builder().latency(Duration.ofMillis(2)).start();
         ResponseStore writer = ResponseStore.open(db);
         ResponseStore reader = ResponseStore.open(db)) {
      writer.register("r", reqs);
      AtomicBoolean done = new AtomicBoolean();
      CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
        try {
          return DirectRun.builder(Endpoint.of(server.baseUrl()), writer, "r").concurrency(4).progressStream(null).build().run(reqs);
        } finally {
          done.set(true);
        }
      });
      int checked = 0;
      while (!done.get() || checked == 0) {
        ResponseStore.Snapshot s = reader.snapshot("r");
        assertEquals(s.status().done(), s.answers().size(), "counts and answers of the same moment");
        checked++;
      }
      assertTrue(run.get().complete());
      System.err.println("snapshots checked while answers arrived: " + checked);
    }
  }

  @Test
  void aReaderNeverCreatesAStoreAndRefusesFilesThatAreNotStores() throws Exception {
    Path missing = dir.resolve("missing.db");
    LlmException e = assertThrows(LlmException.class, () -> ResponseStore.openExisting(missing));
    assertTrue(e.getMessage().startsWith("no response store at " + missing), e.getMessage());
    assertFalse(Files.exists(missing));
    Path csv = dir.resolve("answers.csv");
    Files.writeString(csv, "prompt,model,response\nhello,m,hi\n");
    for (var open : List.<java.util.function.Function<Path, ResponseStore>>of(ResponseStore::openExisting, ResponseStore::open)) {
      LlmException notDb = assertThrows(LlmException.class, () -> open.apply(csv));
      assertTrue(notDb.getMessage().contains("is not a response store: it is not an SQLite database"), notDb.getMessage());
      assertEquals("prompt,model,response\nhello,m,hi\n", Files.readString(csv), "left as it was");
    }
    LlmException folder = assertThrows(LlmException.class, () -> ResponseStore.open(dir));
    assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
  }

  /** A batch run against a server without the Batch API releases its parts: a direct run then asks them, showing why. */
  @Test
  void requestsOfAFailedBatchRunAreAskedByTheNextDirectRun() {
    Path db = dir.resolve("s.db");
    List<ChatRequest> reqs = TestRequests.answers(20, "gpt-4.1");
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    try (SimulatedServer server = SimulatedServer.builder().batchApi(false).start(); ResponseStore store = ResponseStore.open(db)) {
      LlmException e = assertThrows(LlmException.class, () -> BatchRun.builder(Endpoint.of(server.baseUrl()), store, "r")
          .polling(Duration.ofMillis(5), Duration.ofMillis(5)).progressStream(null).build().run(reqs));
      assertEquals(404, e.statusCode(), e.getMessage());
      assertEquals(20, store.status("r").failed(), "released as failed, with the reason");
      assertTrue(store.failures("r").values().iterator().next().contains("HTTP 404"), store.failures("r").toString());
      RunResult r = DirectRun.builder(Endpoint.of(server.baseUrl()), store, "r")
          .progressStream(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8)).build().run(reqs);
      assertTrue(r.complete(), r.toString());
      assertEquals(20, r.answered());
      String shown = log.toString(java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(shown.contains("asking again 20 requests that failed in an earlier run") && shown.contains("HTTP 404"), shown);
      assertEquals(0, server.ledger().extraPayments());
    }
  }

  /** A part recorded by a batch run killed before uploading it is released by a direct run; parts in a batch are not. */
  @Test
  void aDirectRunReleasesPartsNeverUploadedAndLeavesBatchesInFlight() {
    Path db = dir.resolve("s.db");
    List<ChatRequest> reqs = TestRequests.answers(10, "gpt-4.1");
    try (SimulatedServer server = SimulatedServer.start(); ResponseStore store = ResponseStore.open(db)) {
      store.register("r", reqs);
      store.createSubmission("never-uploaded", "r", "gpt-4.1", reqs.subList(0, 5));
      store.createSubmission("in-flight", "r", "gpt-4.1", reqs.subList(5, 10));
      store.updateSubmission("in-flight", "created", "file-1", "batch_abc", "in_progress");
      RunResult r = DirectRun.builder(Endpoint.of(server.baseUrl()), store, "r").progressStream(null).build().run(reqs);
      assertEquals(5, r.answered());
      assertEquals(5, r.failed());
      assertTrue(r.failures().get(reqs.get(7).customId()).contains("waits in batch batch_abc"), r.failures().toString());
      assertTrue(r.failures().get(reqs.get(7).customId()).contains("--mode batch"), r.failures().toString());
      for (int i = 5; i < 10; i++) assertEquals(0, server.ledger().paidCount(reqs.get(i).customId()), "not sent twice");
    }
  }
}
