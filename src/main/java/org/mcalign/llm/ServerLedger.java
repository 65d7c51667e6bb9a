package org.mcalign.llm;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated server's own record: how often each request was paid for (an answer
 * generated, whether or not the client got it), keyed by custom_id (the
 * {@code X-Client-Request-Id} header in direct mode, the line's custom_id in batches), and
 * how often each kind of event (including each fault) happened.
 */
public final class ServerLedger {
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
