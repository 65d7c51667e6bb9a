package org.mcalign.llm;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Direct mode: sends a request list's missing requests to an endpoint, {@code concurrency} in
 * flight per base URL at first (adapted to 429/503 answers; an unreachable server is taken out
 * of rotation and its share goes to the others: {@link EndpointLanes}), retries transient
 * failures (see {@link RetryPolicy}), and commits every answer to the {@link ResponseStore} as it
 * arrives. Rerunning asks only for what is missing; requests are found in the store by content,
 * so another order or a subset of the same requests reuses every answer.
 *
 * <p>The first request goes alone: when the server refuses it outright (no such model, key
 * refused, unreachable) nothing else is sent. A failure that repeats for
 * {@code stopAfterRepeats} requests in a row, and that asking again will not cure, stops the run
 * with what to fix. Progress (done, failed, retries, rate, ETA) goes to stderr and to an optional
 * listener (notebooks).
 *
 * <pre>{@code
 * try (ResponseStore store = ResponseStore.open(Path.of("responses.db"))) {
 *   RunResult r = DirectRun.builder(Endpoint.of("http://gpu:8000/v1"), store, "gemma-answers")
 *       .concurrency(64).build().run(ChatRequest.readJsonl(Path.of("requests.jsonl")));
 * }
 * }</pre>
 */
public final class DirectRun {
  private final Endpoint endpoint;
  private final ResponseStore store;
  private final String run;
  private final int concurrency;
  private final boolean adaptive;
  private final int stopAfterRepeats;
  private final Consumer<Progress> listener;
  private final PrintStream err;
  private final Duration interval;

  private DirectRun(Builder b) {
    this.endpoint = b.endpoint;
    this.store = b.store;
    this.run = b.run;
    this.concurrency = b.concurrency;
    this.adaptive = b.adaptive;
    this.stopAfterRepeats = b.stopAfterRepeats;
    this.listener = b.listener;
    this.err = b.err;
    this.interval = b.interval;
  }

  public static Builder builder(Endpoint endpoint, ResponseStore store, String run) {
    return new Builder(endpoint, store, run);
  }

  /**
   * Takes the store's writer lease (refused at once if another process writes it), registers
   * the requests, then asks for the missing ones: those never asked and those that failed
   * before, in this mode or in batch mode (the reason is shown).
   */
  public RunResult run(List<ChatRequest> requests) {
    try (ResponseStore.Writing w = store.beginWriting("direct run '" + run + "'")) {
      return runLeased(requests);
    }
  }

  /** The state shared by the workers of one run. */
  private final class Attempts {
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicLong completionTokens = new AtomicLong();
    final AtomicBoolean abort = new AtomicBoolean();
    final AtomicReference<String> stopped = new AtomicReference<>();
    final Map<String, String> failures = Collections.synchronizedMap(new LinkedHashMap<>());
    private String lastSignature;
    private int repeats;

    /** Asks one request and records the outcome; false when the run must stop. */
    boolean ask(EndpointClient client, ChatRequest req, boolean first) {
      try {
        ChatResponse resp = client.complete(req);
        if (store.recordAnswer(run, resp, null)) {
          answered.incrementAndGet();
          completionTokens.addAndGet(resp.usage().completionTokens());
        }
        synchronized (this) {
          repeats = 0;
          lastSignature = null;
        }
        return true;
      } catch (LlmException e) {
        return failed(req, e.getMessage(), e.statusCode(), first);
      } catch (RuntimeException e) {
        return failed(req, Secret.redact(e.toString()), -1, first);
      }
    }

    private boolean failed(ChatRequest req, String why, int status, boolean first) {
      failed.incrementAndGet();
      store.recordFailure(run, req.customId(), why);
      if (failures.size() < 20) failures.put(req.customId(), why);
      String fix = FailureAdvice.whatToFix(status, why).orElse(null);
      // the first request refused outright (no such model, key refused, unreachable): every other would be too
      if (first && fix != null && (status == 401 || status == 403 || status == 404 || status < 0)) {
        return stop("the first request failed: " + why + ". To fix: " + fix);
      }
      synchronized (this) {
        String sig = FailureAdvice.signature(status, why);
        repeats = sig.equals(lastSignature) ? repeats + 1 : 1;
        lastSignature = sig;
        if (repeats >= stopAfterRepeats && fix != null) {
          return stop(repeats + " requests in a row failed the same way, the last: " + why + ". To fix: " + fix);
        }
      }
      return true;
    }

    private boolean stop(String why) {
      if (stopped.compareAndSet(null, why)) note("stopping: " + why);
      abort.set(true);
      return false;
    }
  }

  private RunResult runLeased(List<ChatRequest> requests) {
    List<ChatRequest> adapted = requests.stream().map(endpoint::adapt).toList();
    ResponseStore.Registered reg = store.register(run, adapted);
    int released = store.releaseUnsent(run);
    if (released > 0) note(released + " requests of a batch run that stopped before uploading them are asked directly now");
    Map<String, String> failedBefore = store.failures(run, reg.ids());
    if (!failedBefore.isEmpty()) {
      Map.Entry<String, String> first = failedBefore.entrySet().iterator().next();
      note("asking again " + failedBefore.size() + " requests that failed in an earlier run; the first, " + first.getKey()
          + ", failed with: " + first.getValue());
    }
    List<ChatRequest> todo = store.pending(run, reg.ids());
    int alreadyDone = reg.done();
    long t0 = System.nanoTime();
    Attempts at = new Attempts();
    AtomicInteger next = new AtomicInteger();
    try (EndpointClient client = new EndpointClient(endpoint, concurrency, adaptive);
         ProgressReporter reporter = new ProgressReporter(
             () -> new Progress(reg.total(), alreadyDone, alreadyDone + at.answered.get(), at.failed.get(),
                 client.retries.get(), Duration.ofNanos(System.nanoTime() - t0), "direct", state(client.lanes())),
             listener, err, interval)) {
      // the first request alone: a server that refuses it refuses them all, and nothing more is sent
      if (!todo.isEmpty() && at.ask(client, todo.get(0), true)) next.set(1);
      else next.set(todo.size());
      int threads = Math.max(1, Math.min(concurrency * endpoint.baseUrls().size(), todo.size() - next.get()));
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "llm-direct");
        t.setDaemon(true);
        return t;
      });
      for (int w = 0; w < threads; w++) {
        pool.execute(() -> {
          int i;
          while (!at.abort.get() && (i = next.getAndIncrement()) < todo.size()) at.ask(client, todo.get(i), false);
        });
      }
      pool.shutdown();
      try {
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
          // progress is reported by the timer
        }
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
        throw new LlmException("run " + run + " interrupted; answers so far are stored", e);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
      if (!todo.isEmpty()) {
        store.recordRate(run, new ResponseStore.RunRate(todo.get(0).model(), endpoint.baseUrls().size(), concurrency,
            at.answered.get(), at.completionTokens.get(), elapsed.toNanos() / 1e9));
      }
      int stillMissing = reg.total() - alreadyDone - at.answered.get();
      Map<String, String> failures = new LinkedHashMap<>(at.failures);
      for (ResponseStore.Submission sub : store.openSubmissions(run)) {
        for (ChatRequest r : store.submissionRequests(sub.key())) {
          if (failures.size() >= 20) break;
          failures.putIfAbsent(r.customId(), "waits in " + (sub.batchId() != null ? "batch " + sub.batchId() : "batch part " + sub.key()
              + " (uploaded; its batch may exist)") + " of an earlier batch-mode run: run again with --mode batch to collect it");
        }
      }
      List<EndpointStats> stats = client.lanes().stats();
      if (err != null && endpoint.baseUrls().size() > 1) stats.forEach(s -> note(s.toString()));
      return new RunResult(run, reg.total(), alreadyDone, at.answered.get(), stillMissing, client.retries.get(), elapsed,
          Map.copyOf(failures), reg.ids(), at.stopped.get(), stats);
    }
  }

  /** Requests in flight allowed now, and endpoints out of rotation, for progress lines. */
  private String state(EndpointLanes lanes) {
    int out = lanes.lanesOut();
    int set = concurrency * lanes.size();
    int now = lanes.currentLimit();
    return (now < set ? "in flight at most " + now + " of " + set + " (the server asked to slow down)" : "")
        + (out > 0 ? (now < set ? ", " : "") + out + " of " + lanes.size() + " endpoints out of rotation" : "");
  }

  private void note(String message) {
    if (err != null) err.println("direct: " + message);
  }

  /** Settings of a direct run. */
  public static final class Builder extends RunBuilder<Builder> {
    private int concurrency = 16;
    private boolean adaptive = true;
    private int stopAfterRepeats = 20;
    private Duration interval = Duration.ofSeconds(5);

    private Builder(Endpoint endpoint, ResponseStore store, String run) {
      super(endpoint, store, run);
    }

    /** Requests in flight per base URL at first, and at most while every server is in rotation (default 16). */
    public Builder concurrency(int n) {
      if (n < 1) throw new IllegalArgumentException("concurrency must be >= 1, got " + n);
      this.concurrency = n;
      return this;
    }

    /** Whether the limit adapts to 429/503 answers (default true; false keeps it fixed, for comparisons). */
    public Builder adaptive(boolean on) {
      this.adaptive = on;
      return this;
    }

    /** Stop when this many requests in a row fail the same way and asking again cannot help (default 20). */
    public Builder stopAfterRepeats(int n) {
      if (n < 1) throw new IllegalArgumentException("stopAfterRepeats must be >= 1, got " + n);
      this.stopAfterRepeats = n;
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    /** How often the progress listener and stream are called (default 5 s). */
    public Builder progressInterval(Duration interval) {
      this.interval = interval;
      return this;
    }

    public DirectRun build() {
      return new DirectRun(this);
    }
  }
}
