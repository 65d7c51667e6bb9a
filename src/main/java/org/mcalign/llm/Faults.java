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
 */
public record Faults(double rateLimited, Duration retryAfter, double serverErrors, double slow, Duration slowDelay,
    double malformed, double truncated, double failingBatchLines, double expiringBatches) {

  public static Faults none() {
    return new Faults(0, Duration.ofMillis(20), 0, 0, Duration.ofSeconds(2), 0, 0, 0, 0);
  }

  /**
   * Parses {@code name=value,…} with names {@code 429}, {@code retry-after} (e.g. 50ms, 2s),
   * {@code 500}, {@code slow}, {@code slow-delay}, {@code malformed}, {@code truncated},
   * {@code batch-line-fail}, {@code batch-expire}; values are probabilities unless durations.
   */
  public static Faults parse(String spec) {
    Faults f = none();
    if (spec == null || spec.isBlank() || spec.equals("none")) return f;
    for (String part : spec.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) throw new IllegalArgumentException("fault '" + part + "': expected name=value");
      String name = kv[0].strip().toLowerCase(Locale.ROOT);
      String v = kv[1].strip();
      switch (name) {
        case "429" -> f = new Faults(prob(name, v), f.retryAfter, f.serverErrors, f.slow, f.slowDelay, f.malformed, f.truncated, f.failingBatchLines, f.expiringBatches);
        case "retry-after" -> f = new Faults(f.rateLimited, duration(name, v), f.serverErrors, f.slow, f.slowDelay, f.malformed, f.truncated, f.failingBatchLines, f.expiringBatches);
        case "500" -> f = new Faults(f.rateLimited, f.retryAfter, prob(name, v), f.slow, f.slowDelay, f.malformed, f.truncated, f.failingBatchLines, f.expiringBatches);
        case "slow" -> f = new Faults(f.rateLimited, f.retryAfter, f.serverErrors, prob(name, v), f.slowDelay, f.malformed, f.truncated, f.failingBatchLines, f.expiringBatches);
        case "slow-delay" -> f = new Faults(f.rateLimited, f.retryAfter, f.serverErrors, f.slow, duration(name, v), f.malformed, f.truncated, f.failingBatchLines, f.expiringBatches);
        case "malformed" -> f = new Faults(f.rateLimited, f.retryAfter, f.serverErrors, f.slow, f.slowDelay, prob(name, v), f.truncated, f.failingBatchLines, f.expiringBatches);
        case "truncated" -> f = new Faults(f.rateLimited, f.retryAfter, f.serverErrors, f.slow, f.slowDelay, f.malformed, prob(name, v), f.failingBatchLines, f.expiringBatches);
        case "batch-line-fail" -> f = new Faults(f.rateLimited, f.retryAfter, f.serverErrors, f.slow, f.slowDelay, f.malformed, f.truncated, prob(name, v), f.expiringBatches);
        case "batch-expire" -> f = new Faults(f.rateLimited, f.retryAfter, f.serverErrors, f.slow, f.slowDelay, f.malformed, f.truncated, f.failingBatchLines, prob(name, v));
        default -> throw new IllegalArgumentException("unknown fault '" + name
            + "' (known: 429, retry-after, 500, slow, slow-delay, malformed, truncated, batch-line-fail, batch-expire)");
      }
    }
    return f;
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
