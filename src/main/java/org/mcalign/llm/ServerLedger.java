package org.mcalign.llm;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated server's own record: how often each request was paid for (an answer
 * generated, whether or not the client got it), keyed by custom_id (the
 * {@code X-Client-Request-Id} header in direct mode, the line's custom_id in batches), and
 * how often each kind of event (including each fault) happened, and the request log: method,
 * path, status, model and custom_id of every request (the last 100,000 kept), optionally
 * written as JSON lines as they come.
 */
public final class ServerLedger {
  /** One request as the server saw it (status -1: the client went away before an answer). */
  public record LoggedRequest(String method, String path, int status, String model, String customId, long millis) {
    String toJson() {
      com.fasterxml.jackson.databind.node.ObjectNode n = Json.object().put("time", java.time.Instant.now().toString())
          .put("method", method).put("path", path).put("status", status);
      if (model != null) n.put("model", model);
      if (customId != null) n.put("custom_id", customId);
      return Json.write(n.put("ms", millis));
    }
  }

  private static final int LOG_KEPT = 100_000;
  private final java.util.concurrent.ConcurrentLinkedDeque<LoggedRequest> log = new java.util.concurrent.ConcurrentLinkedDeque<>();
  private final AtomicLong logged = new AtomicLong();
  private final ConcurrentHashMap<String, AtomicLong> paid = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicLong> events = new ConcurrentHashMap<>();
  private final AtomicLong paidTotal = new AtomicLong();
  /** SHA-256 of every bearer token received (never the tokens themselves). */
  private final java.util.Set<String> bearers = ConcurrentHashMap.newKeySet();

  void bearer(String token) {
    bearers.add(Json.sha256(token));
  }

  /** True when a request carried {@code token} as its bearer token. */
  public boolean receivedBearer(String token) {
    return bearers.contains(Json.sha256(token));
  }

  void logRequest(LoggedRequest r, java.io.PrintStream out) {
    if (out != null) {
      synchronized (out) {
        out.println(r.toJson());
        out.flush();
      }
    }
    log.addLast(r);
    if (logged.incrementAndGet() > LOG_KEPT) log.pollFirst();
    synchronized (this) {
      notifyAll();
    }
  }

  /**
   * The requests received, oldest first, once at least {@code count} have been logged (or
   * {@code timeout} has passed): the server logs a request just after answering it, so a client
   * holding its answer may look before the entry is there.
   */
  public synchronized java.util.List<LoggedRequest> requests(long count, java.time.Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    try {
      for (long left = timeout.toNanos(); logged.get() < count && left > 0; left = end - System.nanoTime())
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return requests();
  }

  /** The requests received, oldest first (the last 100,000). */
  public java.util.List<LoggedRequest> requests() {
    return java.util.List.copyOf(log);
  }

  /** Requests received at {@code path} (e.g. {@code /chat/completions}) answered with {@code status}. */
  public long requests(String path, int status) {
    return log.stream().filter(r -> r.path().equals(path) && r.status() == status).count();
  }

  void paid(String customId) {
    paid.computeIfAbsent(customId, k -> new AtomicLong()).incrementAndGet();
    paidTotal.incrementAndGet();
  }

  void event(String kind) {
    events.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  /** Times the request with this custom_id was paid for. */
  public long paidCount(String customId) {
    AtomicLong n = paid.get(customId);
    return n == null ? 0 : n.get();
  }

  /** Answers paid for in total. */
  public long paidTotal() {
    return paidTotal.get();
  }

  /** Distinct requests paid for at least once. */
  public int paidDistinct() {
    return paid.size();
  }

  /** Requests paid for more than once: custom_id → times. */
  public Map<String, Long> paidMoreThanOnce() {
    Map<String, Long> out = new TreeMap<>();
    paid.forEach((k, v) -> {
      if (v.get() > 1) out.put(k, v.get());
    });
    return out;
  }

  /** Extra payments: sum over requests of (times paid − 1). */
  public long extraPayments() {
    return paidTotal.get() - paid.size();
  }

  /** How often an event happened: {@code chat}, {@code 429}, {@code 500}, {@code slow}, {@code malformed}, {@code truncated}, {@code unauthorized}, {@code batch-line-fail}, {@code batch-expired}, {@code batch-created}, {@code file-upload}. */
  public long events(String kind) {
    AtomicLong n = events.get(kind);
    return n == null ? 0 : n.get();
  }

  public Map<String, Long> events() {
    Map<String, Long> out = new TreeMap<>();
    events.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  @Override
  public String toString() {
    return "ServerLedger[paid " + paidTotal.get() + " (" + paid.size() + " distinct), events " + events() + "]";
  }
}
