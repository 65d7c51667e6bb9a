package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code mcalign collect} processes on one store against a server answering in 0.1 s: one
 * writes, the other is refused at once naming it (pid, host, start time), nothing is paid
 * twice, and after both (and one more run) every request is answered exactly once. The same
 * with the writer killed by SIGKILL: its lease is free at once, and only the answers on the
 * wire at the kill are paid twice. Exports taken meanwhile hold one snapshot each.
 */
class StoreLeaseIT {
  static final int N = 300;
  static final int CONCURRENCY = 4;

  @TempDir Path dir;

  private Path requests() {
    Path f = dir.resolve("requests.jsonl");
    BatchResults.writeInput(f, TestRequests.answers(N, "gpt-4o-mini"));
    return f;
  }

  private String[] collect(SimulatedServer server, Path req, String... more) {
    List<String> a = new ArrayList<>(List.of("collect", "--requests", req.toString(), "--base-url", server.baseUrl(),
        "--store", dir.resolve("store.db").toString(), "--concurrency", Integer.toString(CONCURRENCY), "--max-cost", "1000",
        "--progress-seconds", "0.5"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  private static int finish(Process p) throws InterruptedException {
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child did not finish");
    return p.exitValue();
  }

  @Test
  void twoCollectorsStartedTogetherPayNothingTwice() throws Exception {
    Path req = requests();
    try (SimulatedServer server = SimulatedServer.builder().latency(Duration.ofMillis(100)).start()) {
      Path logA = dir.resolve("a.log"), logB = dir.resolve("b.log");
      Process a = ChildJvm.start(dir, logA, Map.of(), collect(server, req));
      Process b = ChildJvm.start(dir, logB, Map.of(), collect(server, req, "--mode", "batch", "--poll-seconds", "0.05"));
      int ca = finish(a), cb = finish(b);
      String la = Files.readString(logA), lb = Files.readString(logB);
      System.err.printf("two collectors: exit %d and %d, %s%n", ca, cb, server.ledger());
      // one of them wrote; the other was refused at once, or came after the first had finished
      assertTrue(ca == 0 || cb == 0, la + "\n---\n" + lb);
      for (String[] refused : List.of(new String[] {"" + ca, la}, new String[] {"" + cb, lb})) {
        if (refused[0].equals("4")) {
          assertTrue(refused[1].matches("(?s).*is being written by another process: pid \\d+ on host \\S+ since \\d{4}-.*"), refused[1]);
          assertTrue(refused[1].contains("collect run 'requests'"), refused[1]);
        } else {
          assertEquals("0", refused[0], refused[1]);
        }
      }
      oneMoreRunSendsNothing(server, req, "c.log");
      assertEquals(0, server.ledger().extraPayments(), "paid twice: " + server.ledger().paidMoreThanOnce());
      assertEquals(N, server.ledger().paidDistinct());
      assertAnsweredOnce(req);
    }
  }

  @Test
  void aKilledWritersLeaseIsFreeAtOnceAndTheRestIsAnsweredOnce() throws Exception {
    Path req = requests();
    try (SimulatedServer server = SimulatedServer.builder().latency(Duration.ofMillis(100)).start()) {
      Process a = ChildJvm.start(dir, dir.resolve("a.log"), Map.of(), collect(server, req));
      CrashRecoveryIT.waitUntil(() -> server.ledger().paidTotal() >= 40 || !a.isAlive());
      assertTrue(a.isAlive(), Files.readString(dir.resolve("a.log")));
      // a second collector while the first works: refused at once, sends nothing
      Process b = ChildJvm.start(dir, dir.resolve("b.log"), Map.of(), collect(server, req));
      int cb = finish(b);
      if (a.isAlive()) {
        assertEquals(4, cb, Files.readString(dir.resolve("b.log")));
        assertTrue(Files.readString(dir.resolve("b.log")).contains("pid " + a.pid()), Files.readString(dir.resolve("b.log")));
      }
      a.destroyForcibly(); // SIGKILL
      assertTrue(a.waitFor(30, TimeUnit.SECONDS));
      long paidAtKill = server.ledger().paidTotal();
      // two more started together right after the kill: the lease is free, one writes, the other is refused or finds nothing to do
      Process c = ChildJvm.start(dir, dir.resolve("c.log"), Map.of(), collect(server, req));
      Process d = ChildJvm.start(dir, dir.resolve("d.log"), Map.of(), collect(server, req));
      int cc = finish(c), cd = finish(d);
      assertTrue((cc == 0 && (cd == 0 || cd == 4)) || (cd == 0 && cc == 4),
          cc + " " + cd + "\n" + Files.readString(dir.resolve("c.log")) + "\n---\n" + Files.readString(dir.resolve("d.log")));
      oneMoreRunSendsNothing(server, req, "e.log");
      System.err.printf("kill: %d paid before the kill, %s, paid twice %s%n", paidAtKill, server.ledger(),
          server.ledger().paidMoreThanOnce().size());
      assertEquals(N, server.ledger().paidDistinct());
      // only answers on the wire at the kill (one per worker) can be paid twice
      assertTrue(server.ledger().extraPayments() <= CONCURRENCY, "paid twice: " + server.ledger().paidMoreThanOnce());
      assertAnsweredOnce(req);
    }
  }

  /** {@code export --out J --csv C} while a collection runs: the two files hold the same answers. */
  @Test
  void exportsDuringACollectionHoldOneSnapshot() throws Exception {
    Path req = requests();
    try (SimulatedServer server = SimulatedServer.builder().latency(Duration.ofMillis(30)).start()) {
      Process a = ChildJvm.start(dir, dir.resolve("a.log"), Map.of(), collect(server, req));
      CrashRecoveryIT.waitUntil(() -> server.ledger().paidTotal() >= 10 || !a.isAlive());
      int exports = 0;
      Set<Integer> sizes = new HashSet<>();
      while (a.isAlive() && exports < 30) {
        Path j = dir.resolve("e.jsonl"), c = dir.resolve("e.csv");
        int code = org.mcalign.cli.Main.run("export", "--store", dir.resolve("store.db").toString(), "--out", j.toString(),
            "--csv", c.toString());
        assertEquals(0, code);
        int jsonl = Files.readAllLines(j).size();
        int csvRows = org.mcalign.prompts.CsvRecords.read(c).size();
        assertEquals(jsonl, csvRows, "JSONL and CSV of one export");
        sizes.add(jsonl);
        exports++;
      }
      assertEquals(0, finish(a), Files.readString(dir.resolve("a.log")));
      System.err.println("exports during the collection: " + exports + ", sizes " + sizes);
      assertTrue(exports > 0);
    }
  }

  private void oneMoreRunSendsNothing(SimulatedServer server, Path req, String log) throws Exception {
    long paid = server.ledger().paidTotal();
    Process p = ChildJvm.start(dir, dir.resolve(log), Map.of(), collect(server, req));
    assertEquals(0, finish(p), Files.readString(dir.resolve(log)));
    assertTrue(Files.readString(dir.resolve(log)).contains("0 requests to send"));
    assertEquals(paid, server.ledger().paidTotal());
  }

  private void assertAnsweredOnce(Path req) {
    try (ResponseStore s = ResponseStore.openExisting(dir.resolve("store.db"))) {
      ResponseStore.RunStatus st = s.status("requests");
      assertEquals(new ResponseStore.RunStatus("requests", N, N, 0, 0, st.promptTokens(), st.completionTokens()), st);
      Set<String> ids = new HashSet<>();
      for (ResponseStore.StoredAnswer a : s.answers("requests")) assertTrue(ids.add(a.customId()), a.customId());
      Set<String> expected = new HashSet<>();
      for (ChatRequest r : ChatRequest.readJsonl(req)) expected.add(r.customId());
      assertEquals(expected, ids);
    }
  }
}
