package org.mcalign.llm;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before asking again: exponential backoff with jitter on 408,
 * 409, 429, 5xx and connection errors, or the server's {@code Retry-After} when it sends one.
 *
 * @param maxAttempts attempts per request in total (1 = no retry)
 * @param baseDelay delay before the first retry; doubles each attempt
 * @param maxDelay cap of the exponential delay
 * @param jitter fraction of the delay drawn at random (0 = none, 1 = "full jitter")
 * @param maxRetryAfter longest {@code Retry-After} honoured; longer waits are capped to it
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter, Duration maxRetryAfter) {

  public RetryPolicy {
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    if (jitter < 0 || jitter > 1) throw new IllegalArgumentException("jitter must be in [0, 1], got " + jitter);
  }

  /** 8 attempts, 0.5 s doubling to 60 s, half jitter, Retry-After honoured up to 5 minutes. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(60), 0.5, Duration.ofMinutes(5));
  }

  /** Same policy with {@code n} attempts. */
  public RetryPolicy withMaxAttempts(int n) {
    return new RetryPolicy(n, baseDelay, maxDelay, jitter, maxRetryAfter);
  }

  /** Same policy with other delays (tests use milliseconds). */
  public RetryPolicy withDelays(Duration base, Duration max) {
    return new RetryPolicy(maxAttempts, base, max, jitter, maxRetryAfter);
  }

  /** Whether an HTTP status is worth another attempt. */
  public static boolean retryableStatus(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /** Delay before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) failed. */
  public Duration delay(int attempt, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      Duration ra = retryAfter.get();
      return ra.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : ra;
    }
    double exp = baseDelay.toNanos() * Math.pow(2, Math.max(0, attempt - 1));
    double capped = Math.min(exp, maxDelay.toNanos());
    double withJitter = capped * (1 - jitter * ThreadLocalRandom.current().nextDouble());
    return Duration.ofNanos((long) withJitter);
  }

  /** Parses {@code retry-after-ms} (milliseconds) or {@code Retry-After} (seconds or an HTTP date). */
  static Optional<Duration> parseRetryAfter(Optional<String> retryAfterMs, Optional<String> retryAfter) {
    try {
      if (retryAfterMs.isPresent()) return Optional.of(Duration.ofMillis((long) Double.parseDouble(retryAfterMs.get().strip())));
    } catch (NumberFormatException ignored) {
      // fall through to Retry-After
    }
    if (retryAfter.isEmpty()) return Optional.empty();
    String v = retryAfter.get().strip();
    try {
      return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
    } catch (NumberFormatException e) {
      try {
        java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (java.time.format.DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
