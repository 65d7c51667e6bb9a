package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collection of 5,000 requests in a child JVM, killed with SIGKILL three times at random
 * points and restarted: nothing is lost, only requests in flight at a kill are paid twice
 * (direct mode: at most the concurrency bound per kill; batch mode: none), and the export
 * has exactly one answer per request line. The key used never reaches a file.
 */
class CrashRecoveryIT {
  static final int N = 5000;
  static final int CONCURRENCY = 16;
  static final String KEY = "fake-crash-test-key-7f3a9c2e51d0";

  /**
   * How long a wait may last before the test calls the child stuck: a guard against hanging,
   * not a speed check (every wait ends on the event it waits for: a count on the server or a
   * line in the child's log, or the child's exit).
   */
  static final Duration GUARD = Duration.ofMinutes(10);

  @TempDir Path dir;

  private Path requestFile() throws Exception {
    List<ChatRequest> reqs = new ArrayList<>(TestRequests.answers(N - 5, "gpt-3.5-turbo-0125"));
    // the paper's files repeat identical prompts under different ids on purpose
    for (int i = 0; i < 5; i++) reqs.add(ChatRequest.builder("repeat-" + i).model("gpt-3.5-turbo-0125").user("the same prompt").build());
    Path f = dir.resolve("requests.jsonl");
    BatchResults.writeInput(f, reqs);
    return f;
  }

  @Test
  void directModeSurvivesThreeKills() throws Exception {
    Path requests = requestFile();
    Random rnd = new Random(11);
    try (SimulatedServer server = SimulatedServer.builder().latency(Duration.ofMillis(3)).requireKey(Secret.of(KEY, "test")).start()) {
      Path db = dir.resolve("store.db");
      Path log = dir.resolve("collect.log");
      String[] args = {"collect", "--requests", requests.toString(), "--base-url", server.baseUrl(), "--store", db.toString(),
          "--concurrency", Integer.toString(CONCURRENCY), "--max-cost", "1000", "--progress-seconds", "0.5"};
      long previous = 0;
      int storedBefore = 0;
      for (int kill = 0; kill < 3; kill++) {
        Process p = ChildJvm.start(dir, log, Map.of(Endpoint.VLLM_KEY_NAME, KEY), args);
        long target = previous + 300 + rnd.nextInt(1200);
        waitUntil(() -> server.ledger().paidTotal() >= target || !p.isAlive());
        assertTrue(p.isAlive(), "the child finished before kill " + (kill + 1) + "; log:\n" + Files.readString(log));
        p.destroyForcibly();
        assertTrue(p.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS));
        long paidNow = server.ledger().paidTotal();
        try (ResponseStore store = ResponseStore.open(db)) {
          int stored = store.status("requests").done();
          // answers paid for during this child's life but not stored were on the wire at the kill:
          // at most one per worker
          long lost = (paidNow - previous) - (stored - storedBefore);
          System.err.printf("direct kill %d: paid %d in this run, stored %d, lost in flight %d%n",
              kill + 1, paidNow - previous, stored - storedBefore, lost);
          assertTrue(lost >= 0 && lost <= CONCURRENCY, "kill " + (kill + 1) + ": " + lost + " answers lost in flight");
          storedBefore = stored;
        }
        previous = server.ledger().paidTotal();
      }
      Process last = ChildJvm.start(dir, log, Map.of(Endpoint.VLLM_KEY_NAME, KEY), args);
      assertTrue(last.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS), "final run did not finish");
      assertEquals(0, last.exitValue(), Files.readString(log));
      assertEquals(N, server.ledger().paidDistinct());
      long extra = server.ledger().extraPayments();
      System.err.println("direct mode after 3 kills: " + server.ledger() + ", paid twice " + server.ledger().paidMoreThanOnce().size());
      assertTrue(extra <= 3L * CONCURRENCY, "paid twice: " + extra + " " + server.ledger().paidMoreThanOnce());
      assertTrue(server.ledger().paidMoreThanOnce().values().stream().allMatch(n -> n <= 4));
      checkExport(db, requests, log);
      SecretScan.assertAbsent(KEY, dir);
    }
  }

  @Test
  void batchModeSurvivesThreeKillsWithoutPayingTwice() throws Exception {
    Path requests = requestFile();
    try (SimulatedServer server = SimulatedServer.builder().requireKey(Secret.of(KEY, "test")).latency(Duration.ofMillis(250))
        .batchTiming(Duration.ofMillis(300), Duration.ofMillis(1500), Duration.ofMillis(200)).start()) {
      Path db = dir.resolve("store.db");
      Path log = dir.resolve("collect.log");
      String[] args = {"collect", "--requests", requests.toString(), "--base-url", server.baseUrl(), "--store", db.toString(),
          "--mode", "batch", "--batch-max-lines", "1000", "--poll-seconds", "0.05", "--max-cost", "1000"};
      int kills = 0;
      for (int kill = 0; kill < 3; kill++) {
        Process p = ChildJvm.start(dir, log, Map.of(Endpoint.VLLM_KEY_NAME, KEY), args);
        // kill 1 right after the first batch is created (the other parts not yet uploaded or created),
        // kill 2 once the fourth part is uploaded after the third batch was created (uploaded, no batch yet),
        // kill 3 right after the first batch's results are stored
        String[] events = {"created batch", "created batch", " completed: "};
        int[] needed = {1, 3, 1};
        int k = kill;
        waitUntil(() -> logCount(log, events[k]) >= needed[k] || !p.isAlive());
        if (k == 1) waitUntil(() -> server.ledger().events("file-upload") >= 4 || !p.isAlive());
        if (!p.isAlive()) break;
        p.destroyForcibly();
        assertTrue(p.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS));
        kills++;
        System.err.println("batch kill " + kills + ": " + server.ledger());
      }
      assertEquals(3, kills, "the child must still be working at each kill; log:\n" + Files.readString(log));
      Process last = ChildJvm.start(dir, log, Map.of(Endpoint.VLLM_KEY_NAME, KEY), args);
      assertTrue(last.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS), "final run did not finish");
      assertEquals(0, last.exitValue(), Files.readString(log));
      assertEquals(N, server.ledger().paidDistinct());
      System.err.println("batch mode after " + kills + " kills: " + server.ledger());
      assertEquals(0, server.ledger().extraPayments(), "batch mode pays nothing twice: " + server.ledger().paidMoreThanOnce());
      assertEquals(5, server.ledger().events("batch-created"), "5 parts of 1,000 lines, none recreated: " + server.ledger());
      checkExport(db, requests, log);
      SecretScan.assertAbsent(KEY, dir);
    }
  }

  private void checkExport(Path db, Path requests, Path log) throws Exception {
    Path out = dir.resolve("export.jsonl");
    Process p = ChildJvm.start(dir, log, Map.of(), "export", "--store", db.toString(), "--out", out.toString(),
        "--csv", dir.resolve("export.csv").toString());
    assertTrue(p.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), Files.readString(log));
    List<String> lines = Files.readAllLines(out);
    assertEquals(N, lines.size());
    Set<String> ids = new HashSet<>();
    for (String l : lines) {
      var n = Json.parse(l);
      assertTrue(ids.add(n.get("custom_id").asText()), "duplicate " + n.get("custom_id"));
      assertFalse(n.path("response").path("body").path("choices").path(0).path("message").path("content").asText().isEmpty());
    }
    Set<String> expected = new HashSet<>();
    for (ChatRequest r : ChatRequest.readJsonl(requests)) expected.add(r.customId());
    assertEquals(expected, ids);
  }

  static int logCount(Path log, String text) {
    try {
      if (!Files.exists(log)) return 0;
      String s = Files.readString(log);
      int n = 0;
      for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) n++;
      return n;
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** Polls until the condition holds (the child's progress is seen through the server and its log, not through time). */
  static void waitUntil(java.util.function.BooleanSupplier cond) throws InterruptedException {
    long end = System.nanoTime() + GUARD.toNanos();
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > end) fail("condition not met within the guard of " + GUARD);
      Thread.sleep(5);
    }
  }
}
