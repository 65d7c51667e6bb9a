package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoints as they fail on real servers, against the simulated server: one of two vLLM servers
 * dying in the middle of a run, and a server that answers 429 when more requests arrive than it
 * works on. What the run costs is counted in requests (attempts per answer, attempts a dead
 * server still gets, the limit of requests in flight the survivors keep); the wall times are
 * printed for the record, never asserted (the machine is shared).
 */
class EndpointHealthTest {
  @TempDir Path dir;

  static final RetryPolicy FAST = RetryPolicy.defaults().withDelays(Duration.ofMillis(2), Duration.ofMillis(50));
  static final Duration LATENCY = Duration.ofMillis(10);

  /** Closes {@code server} once it has received {@code n} chat requests. */
  static Thread killAfter(SimulatedServer server, int n) {
    Thread t = new Thread(() -> {
      while (server.ledger().events("chat") < n) {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
      server.close();
    }, "kill-endpoint");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void killingOneOfTwoEndpointsMidRunCostsUnderThirtyPercentMore() throws Exception {
    int n = 600, perLane = 8;
    List<ChatRequest> reqs = TestRequests.answers(n, "olmo");
    try (SimulatedServer a = SimulatedServer.builder().vllm(List.of("olmo"), 4096).latency(LATENCY).start();
         SimulatedServer b = SimulatedServer.builder().vllm(List.of("olmo"), 4096).latency(LATENCY).start();
         ResponseStore store = ResponseStore.open(dir.resolve("killed.db"))) {
      Thread killer = killAfter(b, n / 8);
      RunResult r = DirectRun.builder(Endpoint.of(a.baseUrl() + "," + b.baseUrl()).withRetry(FAST), store, "r")
          .concurrency(perLane).progressStream(null).build().run(reqs);
      killer.join();
      assertTrue(r.complete(), r.toString() + " " + r.failures());
      EndpointStats survivor = r.endpoints().get(0), dead = r.endpoints().get(1);
      assertEquals(1, dead.takenOut(), dead.toString());
      assertTrue(dead.outAtEnd(), dead.toString());
      // once out, the dead server gets only the probes that see whether it is back
      assertEquals(dead.probes(), dead.attemptsWhileOut(), dead.toString());
      // the survivor takes over the dead server's share: the run keeps its 16 requests in flight
      assertEquals(2 * perLane, survivor.finalLimit(), survivor.toString());
      long attempts = survivor.attempts() + dead.attempts();
      // the attempts lost to the dead server: those in flight when it died, three to take it out, the probes
      long lost = attempts - n;
      // with 16 in flight throughout, the run's time is its attempts times one answer's latency over 16; a lost
      // attempt is counted as a whole latency (a refused connection costs far less): the extra time is lost / n at most
      double extraTime = (double) lost / n;
      assertTrue(extraTime < 0.30, "extra time " + extraTime);
      System.out.printf("killed endpoint: %d attempts for %d answers (%d lost: %.1f %% extra request time); dead server: %s;"
              + " wall time %.2f s (not asserted)%n", attempts, n, lost, 100 * extraTime, dead, r.elapsed().toNanos() / 1e9);
    }
    try (SimulatedServer a = SimulatedServer.builder().vllm(List.of("olmo"), 4096).latency(LATENCY).start();
         SimulatedServer b = SimulatedServer.builder().vllm(List.of("olmo"), 4096).latency(LATENCY).start();
         ResponseStore store = ResponseStore.open(dir.resolve("healthy.db"))) {
      RunResult r = DirectRun.builder(Endpoint.of(a.baseUrl() + "," + b.baseUrl()).withRetry(FAST), store, "r")
          .concurrency(perLane).progressStream(null).build().run(reqs);
      assertTrue(r.complete());
      System.out.printf("both endpoints alive: wall time %.2f s for %d answers (not asserted)%n", r.elapsed().toNanos() / 1e9, n);
    }
  }

  @Test
  void underRateLimitsTheClientLowersItsConcurrencyUntilFewAre429() {
    int n = 1000, set = 24;
    List<ChatRequest> reqs = TestRequests.answers(n, "olmo");
    // a server that works on 8 requests at once and answers 429 to any more, as a rate-limiting proxy does
    Faults busy = Faults.parse("capacity=8,retry-after=10ms");
    double fixedShare, adaptiveShare;
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of("olmo"), 4096).latency(LATENCY).faults(busy).start();
         ResponseStore store = ResponseStore.open(dir.resolve("fixed.db"))) {
      RunResult r = DirectRun.builder(Endpoint.of(s.baseUrl()).withRetry(FAST.withMaxAttempts(100)), store, "r").concurrency(set)
          .adaptive(false).progressStream(null).build().run(reqs);
      assertTrue(r.complete());
      fixedShare = (double) s.ledger().events("429") / s.ledger().events("chat");
      assertEquals(set, r.endpoints().get(0).minLimit());
    }
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of("olmo"), 4096).latency(LATENCY).faults(busy).start();
         ResponseStore store = ResponseStore.open(dir.resolve("adaptive.db"))) {
      RunResult r = DirectRun.builder(Endpoint.of(s.baseUrl()).withRetry(FAST.withMaxAttempts(100)), store, "r").concurrency(set)
          .progressStream(null).build().run(reqs);
      assertTrue(r.complete());
      adaptiveShare = (double) s.ledger().events("429") / s.ledger().events("chat");
      EndpointStats e = r.endpoints().get(0);
      assertTrue(e.minLimit() < set, "the client lowered its concurrency: " + e);
      System.out.printf("429 share with %d in flight at a server working on 8: fixed %.1f %%, adaptive %.1f %% (%s)%n",
          set, 100 * fixedShare, 100 * adaptiveShare, e);
    }
    assertTrue(fixedShare >= 0.30, "the scenario has at least 30 % 429s at a fixed concurrency: " + fixedShare);
    assertTrue(adaptiveShare < 0.10, "429 share " + adaptiveShare);
  }
}
