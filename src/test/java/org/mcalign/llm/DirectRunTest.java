package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectRunTest {
  @TempDir Path dir;

  static final RetryPolicy FAST = RetryPolicy.defaults().withDelays(Duration.ofMillis(2), Duration.ofMillis(20));

  private static Endpoint endpoint(SimulatedServer s) {
    // a timeout far above any answer's time on a loaded machine: a timed-out request would be paid twice
    return Endpoint.of(s.baseUrl()).withRetry(FAST).withTimeout(Duration.ofMinutes(2));
  }

  @Test
  void answersEveryRequestOnceAndStoresIt() {
    List<ChatRequest> reqs = TestRequests.answers(300, "gpt-4o");
    try (SimulatedServer server = SimulatedServer.start(); ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      List<Progress> seen = new CopyOnWriteArrayList<>();
      RunResult r = DirectRun.builder(endpoint(server), store, "run1").concurrency(8)
          .progress(seen::add).progressStream(null).progressInterval(Duration.ofMillis(20)).build().run(reqs);
      assertTrue(r.complete(), r.toString());
      assertEquals(300, r.answered());
      assertEquals(300, server.ledger().paidTotal());
      assertEquals(300, server.ledger().paidDistinct());
      for (ChatRequest q : reqs) assertEquals(1, server.ledger().paidCount(q.customId()), q.customId());
      List<ResponseStore.StoredAnswer> answers = store.answers("run1");
      assertEquals(300, answers.size());
      assertEquals(reqs.get(0).customId(), answers.get(0).customId(), "answers come back in file order");
      String text = answers.get(5).response().text();
      assertEquals(10, text.lines().count(), text);
      assertTrue(text.startsWith("1. "), text);
      assertFalse(seen.isEmpty());
      Progress last = seen.get(seen.size() - 1);
      assertEquals(300, last.done());
      assertEquals(1.0, last.fraction(), 1e-12);
    }
  }

  @Test
  void rerunAsksOnlyForWhatIsMissing() {
    List<ChatRequest> reqs = TestRequests.answers(100, "gpt-4o");
    try (SimulatedServer server = SimulatedServer.start(); ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      DirectRun.builder(endpoint(server), store, "r").progressStream(null).build().run(reqs.subList(0, 40));
      assertEquals(40, server.ledger().paidTotal());
      RunResult second = DirectRun.builder(endpoint(server), store, "r").progressStream(null).build().run(reqs);
      assertEquals(40, second.alreadyDone());
      assertEquals(60, second.answered());
      assertEquals(100, server.ledger().paidTotal());
      assertEquals(0, server.ledger().extraPayments());
      RunResult third = DirectRun.builder(endpoint(server), store, "r").progressStream(null).build().run(reqs);
      assertEquals(0, third.answered());
      assertEquals(100, server.ledger().paidTotal());
    }
  }

  @Test
  void identicalPromptsUnderDifferentIdsAreAskedSeparately() {
    List<ChatRequest> reqs = new ArrayList<>();
    for (int i = 0; i < 5; i++) reqs.add(ChatRequest.builder("same-" + i).model("m").user("identical prompt").build());
    try (SimulatedServer server = SimulatedServer.start(); ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      RunResult r = DirectRun.builder(endpoint(server), store, "r").progressStream(null).build().run(reqs);
      assertEquals(5, r.answered());
      assertEquals(5, server.ledger().paidDistinct());
    }
  }

  @Test
  void aChangedBodyUnderAnOldIdIsANewRequestAndTheSameContentIsFoundWhateverItsId() {
    try (SimulatedServer server = SimulatedServer.start(); ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      DirectRun.builder(endpoint(server), store, "r").progressStream(null).build()
          .run(List.of(ChatRequest.builder("a").model("m").user("one").build()));
      // new content under the old id: asked (the stored answer answers other content), the old answer kept
      RunResult changed = DirectRun.builder(endpoint(server), store, "r").progressStream(null).build()
          .run(List.of(ChatRequest.builder("a").model("m").user("two").build()));
      assertEquals(1, changed.answered());
      assertTrue(changed.ids().get(0).startsWith("a~"), changed.ids().toString());
      assertEquals(2, server.ledger().paidTotal());
      // same content, other key order, spacing and id: the same request, not asked again
      RunResult same = DirectRun.builder(endpoint(server), store, "r").progressStream(null).build()
          .run(List.of(ChatRequest.of("b", "{ \"messages\": [{\"content\":\"one\",\"role\":\"user\"}], \"model\": \"m\" }")));
      assertEquals(1, same.alreadyDone());
      assertEquals(List.of("a"), same.ids());
      assertEquals(2, server.ledger().paidTotal());
    }
  }

  @Test
  void rateLimitsAreRetriedAfterTheServersRetryAfter() {
    List<ChatRequest> reqs = TestRequests.answers(200, "gpt-4o");
    // backoff alone would wait 2 ms; the server asks for 40 ms
    try (SimulatedServer server = SimulatedServer.builder().faults(Faults.parse("429=0.3,retry-after=40ms")).start();
         ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      Endpoint e = endpoint(server).withRetry(FAST.withMaxAttempts(30));
      RunResult r = DirectRun.builder(e, store, "r").concurrency(16).progressStream(null).build().run(reqs);
      assertTrue(r.complete(), r.toString());
      long n429 = server.ledger().events("429");
      assertTrue(n429 > 20, "429s served: " + n429);
      assertEquals(n429, r.retries());
      assertEquals(0, server.ledger().extraPayments(), "a 429 is not paid, so nothing is paid twice");
    }
  }

  @Test
  void retryAfterIsHonouredNotJustBackoff() {
    // half the attempts are rate-limited with a 150 ms Retry-After; backoff alone would be 1 ms
    try (SimulatedServer server = SimulatedServer.builder().faults(Faults.parse("429=0.5,retry-after=150ms")).seed(7).start();
         EndpointClient client = new EndpointClient(Endpoint.of(server.baseUrl())
             .withRetry(RetryPolicy.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(1)).withMaxAttempts(50)))) {
      long worstPerRetry = Long.MAX_VALUE;
      for (ChatRequest q : TestRequests.answers(8, "m")) {
        long before = client.retries.get();
        long t0 = System.nanoTime();
        client.complete(q);
        long retried = client.retries.get() - before;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (retried > 0) worstPerRetry = Math.min(worstPerRetry, ms / retried);
      }
      assertTrue(client.retries.get() > 0);
      assertTrue(worstPerRetry >= 140, "waited only " + worstPerRetry + " ms per retry");
    }
  }

  @Test
  void serverErrorsMalformedAndTruncatedAnswersAreRetried() {
    List<ChatRequest> reqs = TestRequests.answers(200, "gpt-4o");
    try (SimulatedServer server = SimulatedServer.builder()
            .faults(Faults.parse("500=0.15,malformed=0.1,truncated=0.1")).start();
         ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      RunResult r = DirectRun.builder(endpoint(server).withRetry(FAST.withMaxAttempts(30)), store, "r")
          .concurrency(8).progressStream(null).build().run(reqs);
      assertTrue(r.complete(), r + " " + r.failures());
      assertTrue(server.ledger().events("500") > 5);
      assertTrue(server.ledger().events("malformed") > 5);
      assertTrue(server.ledger().events("truncated") > 5);
      // every stored answer parses
      for (ResponseStore.StoredAnswer a : store.answers("r")) assertFalse(a.response().text().isEmpty());
      // unusable answers were paid and had to be asked again; nothing else was paid twice
      assertEquals(server.ledger().events("malformed") + server.ledger().events("truncated"), server.ledger().extraPayments());
    }
  }

  @Test
  void slowAnswersTimeOutAndAreRetried() {
    List<ChatRequest> reqs = TestRequests.answers(40, "gpt-4o");
    try (SimulatedServer server = SimulatedServer.builder().faults(Faults.parse("slow=0.2,slow-delay=1500ms")).start();
         ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      RunResult r = DirectRun.builder(endpoint(server).withTimeout(Duration.ofMillis(300)).withRetry(FAST.withMaxAttempts(20)),
          store, "r").concurrency(8).progressStream(null).build().run(reqs);
      assertTrue(r.complete(), r.toString());
      assertTrue(server.ledger().events("slow") > 0);
      assertTrue(r.retries() >= server.ledger().events("slow"));
    }
  }

  @Test
  void finalFailuresAreRecordedAndAskedAgainOnRerun() {
    List<ChatRequest> reqs = TestRequests.answers(30, "gpt-4o");
    try (ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      try (SimulatedServer server = SimulatedServer.builder().faults(Faults.parse("500=1")).start()) {
        RunResult r = DirectRun.builder(endpoint(server).withRetry(FAST.withMaxAttempts(2)), store, "r")
            .progressStream(null).build().run(reqs);
        assertEquals(30, r.failed());
        assertEquals(0, r.answered());
        assertTrue(store.failures("r").values().iterator().next().contains("HTTP 500"));
        assertTrue(store.failures("r").values().iterator().next().contains("gave up after 2 attempts"));
      }
      try (SimulatedServer server = SimulatedServer.start()) {
        RunResult r = DirectRun.builder(endpoint(server), store, "r").progressStream(null).build().run(reqs);
        assertEquals(30, r.answered());
        assertTrue(store.status("r").complete());
      }
    }
  }

  @Test
  void connectionErrorsAreRetriedOnAnotherServer() {
    // one base URL points at a closed port: requests must still all be answered by the other
    int deadPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      deadPort = s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new RuntimeException(e);
    }
    List<ChatRequest> reqs = TestRequests.answers(60, "m");
    try (SimulatedServer server = SimulatedServer.start(); ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      Endpoint e = Endpoint.of("http://127.0.0.1:" + deadPort + "/v1", server.baseUrl()).withRetry(FAST);
      RunResult r = DirectRun.builder(e, store, "r").concurrency(4).progressStream(null).build().run(reqs);
      assertTrue(r.complete(), r.toString());
      assertTrue(r.retries() > 0, "some requests first went to the dead server");
    }
  }

  @Test
  void requestsAreSpreadOverSeveralServers() {
    List<ChatRequest> reqs = TestRequests.answers(200, "m");
    // the first sixteen answers after the run's lone first request wait until all sixteen are in
    // flight at once; each server's lane holds at most 8, so both servers must hold 8 of them
    // (reached by construction, not by timing). How the other requests spread depends on which
    // server answers faster, which the lanes follow on purpose (a loaded machine once gave 192
    // against 8), so only the sixteen are counted.
    java.util.concurrent.CountDownLatch sixteen = new java.util.concurrent.CountDownLatch(16);
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger[] held = {new AtomicInteger(), new AtomicInteger()};
    java.util.function.IntFunction<SimulatedModel> waiting = server -> (p, rng) -> {
      int call = calls.getAndIncrement();
      // the run's first request goes alone (a server refusing it would refuse all): it takes no part in the sixteen
      if (call == 0 || call > 16) return "1. ok";
      held[server].incrementAndGet();
      sixteen.countDown();
      try {
        // a guard, not a bound: if sixteen never come (one server left unused), answer anyway and let the count below fail
        sixteen.await(2, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "1. ok";
    };
    try (SimulatedServer a = SimulatedServer.builder().model(waiting.apply(0)).start();
         SimulatedServer b = SimulatedServer.builder().model(waiting.apply(1)).start();
         ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      RunResult r = DirectRun.builder(Endpoint.of(a.baseUrl() + "," + b.baseUrl()).withRetry(FAST), store, "r")
          .concurrency(8).progressStream(null).build().run(reqs);
      assertTrue(r.complete());
      assertEquals(200, a.ledger().paidTotal() + b.ledger().paidTotal());
      assertEquals(List.of(8, 8), List.of(held[0].get(), held[1].get()), "the sixteen in flight at once, per server");
    }
  }

  @Test
  void concurrencyBoundIsRespected() {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    // the first five requests wait for each other: five in flight at once is reached by construction, not by timing
    java.util.concurrent.CountDownLatch fiveInFlight = new java.util.concurrent.CountDownLatch(5);
    AtomicInteger calls = new AtomicInteger();
    SimulatedModel counting = (p, rng) -> {
      // the run's first request goes alone (a server refusing it would refuse all): it takes no part in the five
      if (calls.getAndIncrement() == 0) return "1. first";
      int n = now.incrementAndGet();
      peak.accumulateAndGet(n, Math::max);
      fiveInFlight.countDown();
      try {
        assertTrue(fiveInFlight.await(10, java.util.concurrent.TimeUnit.MINUTES), "never five requests in flight (guard)");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      now.decrementAndGet();
      return "1. ok";
    };
    try (SimulatedServer server = SimulatedServer.builder().model(counting).start();
         ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      DirectRun.builder(endpoint(server), store, "r").concurrency(5).progressStream(null).build()
          .run(TestRequests.answers(150, "m"));
      assertEquals(5, peak.get());
    }
  }

  @Test
  void unauthorizedStopsTheRunWithAClearErrorAndNoKey() {
    Secret right = Secret.of("fake-test-RIGHT-0123456789", "test");
    Secret wrong = Secret.of("fake-test-WRONG-0123456789", "test");
    try (SimulatedServer server = SimulatedServer.builder().requireKey(right).start();
         ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      RunResult r = DirectRun.builder(endpoint(server).withKey(wrong), store, "r").concurrency(2).progressStream(null)
          .build().run(TestRequests.answers(50, "m"));
      assertEquals(0, r.answered());
      assertTrue(server.ledger().events("unauthorized") < 10, "stopped early");
      String msg = r.failures().values().iterator().next();
      assertTrue(msg.contains("HTTP 401"), msg);
      assertFalse(wrong.occursIn(msg));
      RunResult ok = DirectRun.builder(endpoint(server).withKey(right), store, "r").progressStream(null)
          .build().run(TestRequests.answers(50, "m"));
      assertEquals(50, ok.answered());
    }
  }
}
