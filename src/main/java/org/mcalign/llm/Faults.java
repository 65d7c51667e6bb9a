package org.mcalign.llm;

import java.time.Duration;
import java.util.Locale;

/**
 * Faults the {@link SimulatedServer} injects, each drawn per request (or per batch line /
 * batch) with the given probability from the server's seeded random stream.
 *
 * @param rateLimited chance of a 429 answer carrying {@code Retry-After}
 * @param retryAfter the wait the 429 asks for
 * @param serverErrors chance of a 500 answer
 * @param slow chance of an answer delayed by {@code slowDelay} (past the client's timeout)
 * @param slowDelay delay of slow answers
 * @param malformed chance of a 200 answer that is not JSON
 * @param truncated chance of a 200 answer cut off in the middle of the body
 * @param failingBatchLines chance that a batch line ends in the error file with status 500
 * @param expiringBatches chance that a batch expires, finishing only part of its lines
 * @param capacity chat requests the server works on at once (0 = no limit); one more is answered
 *     429 with {@code retryAfter}, as a rate-limiting proxy in front of a busy server does
 */
public record Faults(double rateLimited, Duration retryAfter, double serverErrors, double slow, Duration slowDelay,
    double malformed, double truncated, double failingBatchLines, double expiringBatches, int capacity) {

  public static Faults none() {
    return new Faults(0, Duration.ofMillis(20), 0, 0, Duration.ofSeconds(2), 0, 0, 0, 0, 0);
  }

  /**
   * Parses {@code name=value,…} with names {@code 429}, {@code retry-after} (e.g. 50ms, 2s),
   * {@code 500}, {@code slow}, {@code slow-delay}, {@code malformed}, {@code truncated},
   * {@code batch-line-fail}, {@code batch-expire}, {@code capacity}; values are probabilities unless durations
   * ({@code capacity}: a number of requests).
   */
  public static Faults parse(String spec) {
    Faults f = none();
    if (spec == null || spec.isBlank() || spec.equals("none")) return f;
    for (String part : spec.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) throw new IllegalArgumentException("fault '" + part + "': expected name=value");
      String name = kv[0].strip().toLowerCase(Locale.ROOT);
      String v = kv[1].strip();
      double[] p = {f.rateLimited, f.serverErrors, f.slow, f.malformed, f.truncated, f.failingBatchLines, f.expiringBatches};
      Duration retryAfter = f.retryAfter, slowDelay = f.slowDelay;
      int capacity = f.capacity;
      switch (name) {
        case "429" -> p[0] = prob(name, v);
        case "500" -> p[1] = prob(name, v);
        case "slow" -> p[2] = prob(name, v);
        case "malformed" -> p[3] = prob(name, v);
        case "truncated" -> p[4] = prob(name, v);
        case "batch-line-fail" -> p[5] = prob(name, v);
        case "batch-expire" -> p[6] = prob(name, v);
        case "retry-after" -> retryAfter = duration(name, v);
        case "slow-delay" -> slowDelay = duration(name, v);
        case "capacity" -> capacity = count(name, v);
        default -> throw new IllegalArgumentException("unknown fault '" + name
            + "' (known: 429, retry-after, 500, slow, slow-delay, malformed, truncated, batch-line-fail, batch-expire, capacity)");
      }
      f = new Faults(p[0], retryAfter, p[1], p[2], slowDelay, p[3], p[4], p[5], p[6], capacity);
    }
    return f;
  }

  private static int count(String name, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 0) return n;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("fault " + name + ": expected a whole number >= 0, got " + v);
  }

  private static double prob(String name, String v) {
    double p;
    try {
      p = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fault " + name + ": expected a probability, got " + v);
    }
    if (p < 0 || p > 1) throw new IllegalArgumentException("fault " + name + ": probability must be in [0, 1], got " + v);
    return p;
  }

  static Duration duration(String name, String v) {
    String s = v.toLowerCase(Locale.ROOT);
    try {
      if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      if (s.endsWith("s")) return Duration.ofMillis((long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
      return Duration.ofMillis(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": expected a duration such as 50ms or 2s, got " + v);
    }
  }
}
