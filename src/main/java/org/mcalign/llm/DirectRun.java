package org.mcalign.llm;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Direct mode: sends a run's missing requests to an endpoint with at most
 * {@code concurrency} in flight, retries transient failures (see {@link RetryPolicy}), and
 * commits every answer to the {@link ResponseStore} as it arrives. Rerunning asks only for
 * what is missing. Progress goes to stderr and to an optional listener (notebooks).
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
  private final Consumer<Progress> listener;
  private final PrintStream err;
  private final Duration interval;

  private DirectRun(Builder b) {
    this.endpoint = b.endpoint;
    this.store = b.store;
    this.run = b.run;
    this.concurrency = b.concurrency;
    this.listener = b.listener;
    this.err = b.err;
    this.interval = b.interval;
  }

  public static Builder builder(Endpoint endpoint, ResponseStore store, String run) {
    return new Builder(endpoint, store, run);
  }

  /**
   * Takes the store's writer lease (refused at once if another process writes it), registers
   * the requests (refusing changed bodies), then asks for the missing ones: those never asked
   * and those that failed before, in this mode or in batch mode (the reason is shown).
   */
  public RunResult run(List<ChatRequest> requests) {
    try (ResponseStore.Writing w = store.beginWriting("direct run '" + run + "'")) {
      return runLeased(requests);
    }
  }

  private RunResult runLeased(List<ChatRequest> requests) {
    List<ChatRequest> adapted = requests.stream().map(endpoint::adapt).toList();
    ResponseStore.RunStatus before = store.register(run, adapted);
    int released = store.releaseUnsent(run);
    if (released > 0) note(released + " requests of a batch run that stopped before uploading them are asked directly now");
    Map<String, String> failedBefore = store.failures(run);
    if (!failedBefore.isEmpty()) {
      Map.Entry<String, String> first = failedBefore.entrySet().iterator().next();
      note("asking again " + failedBefore.size() + " requests that failed in an earlier run; the first, " + first.getKey()
          + ", failed with: " + first.getValue());
    }
    List<ChatRequest> todo = store.pending(run);
    int alreadyDone = before.done();
    long t0 = System.nanoTime();
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean abort = new AtomicBoolean();
    Map<String, String> failures = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    try (EndpointClient client = new EndpointClient(endpoint);
         ProgressReporter reporter = new ProgressReporter(
             () -> new Progress(before.total(), alreadyDone, alreadyDone + answered.get(), failed.get(),
                 client.retries.get(), Duration.ofNanos(System.nanoTime() - t0), "direct"),
             listener, err, interval)) {
      int threads = Math.max(1, Math.min(concurrency, todo.size()));
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "llm-direct");
        t.setDaemon(true);
        return t;
      });
      for (int w = 0; w < threads; w++) {
        pool.execute(() -> {
          int i;
          while (!abort.get() && (i = next.getAndIncrement()) < todo.size()) {
            ChatRequest req = todo.get(i);
            try {
              ChatResponse resp = client.complete(req);
              if (store.recordAnswer(run, resp, null)) answered.incrementAndGet();
            } catch (LlmException e) {
              failed.incrementAndGet();
              store.recordFailure(run, req.customId(), e.getMessage());
              if (failures.size() < 20) failures.put(req.customId(), e.getMessage());
              // a refused key or a missing model fails every request the same way: stop early
              if (e.statusCode() == 401 || e.statusCode() == 403 || e.statusCode() == 404) abort.set(true);
            } catch (RuntimeException e) {
              failed.incrementAndGet();
              String why = Secret.redact(e.toString());
              store.recordFailure(run, req.customId(), why);
              if (failures.size() < 20) failures.put(req.customId(), why);
            }
          }
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
      ResponseStore.RunStatus after = store.status(run);
      int stillMissing = after.total() - after.done();
      for (ResponseStore.Submission sub : store.openSubmissions(run)) {
        for (ChatRequest r : store.submissionRequests(sub.key())) {
          if (failures.size() >= 20) break;
          failures.putIfAbsent(r.customId(), "waits in " + (sub.batchId() != null ? "batch " + sub.batchId() : "batch part " + sub.key()
              + " (uploaded; its batch may exist)") + " of an earlier batch-mode run: run again with --mode batch to collect it");
        }
      }
      return new RunResult(run, before.total(), alreadyDone, answered.get(), stillMissing, client.retries.get(),
          Duration.ofNanos(System.nanoTime() - t0), Map.copyOf(failures));
    }
  }

  private void note(String message) {
    if (err != null) err.println("direct: " + message);
  }

  /** Settings of a direct run. */
  public static final class Builder extends RunBuilder<Builder> {
    private int concurrency = 16;
    private Duration interval = Duration.ofSeconds(5);

    private Builder(Endpoint endpoint, ResponseStore store, String run) {
      super(endpoint, store, run);
    }

    /** Requests in flight at most (default 16). */
    public Builder concurrency(int n) {
      if (n < 1) throw new IllegalArgumentException("concurrency must be >= 1, got " + n);
      this.concurrency = n;
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
