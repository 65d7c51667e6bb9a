package org.mcalign.llm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a collection run did.
 *
 * @param run the run's name in the store
 * @param total requests of the run
 * @param alreadyDone answered before this run (not asked again)
 * @param answered answered in this run
 * @param failed still without an answer after this run
 * @param retries retried attempts
 * @param elapsed wall time
 * @param failures custom_id → reason, for the first failures
 * @param ids the custom_id each request is stored under, in the order given (its own unless its
 *     content was stored earlier under another id)
 * @param stopped why the run stopped before asking everything (a failure that repeats, a
 *     refused first request), or null
 * @param endpoints what each base URL did (direct mode)
 */
public record RunResult(String run, int total, int alreadyDone, int answered, int failed, long retries,
    Duration elapsed, Map<String, String> failures, List<String> ids, String stopped, List<EndpointStats> endpoints) {

  public boolean complete() {
    return alreadyDone + answered == total;
  }

  /** Why the run stopped early, if it did (what to fix). */
  public Optional<String> stoppedBecause() {
    return Optional.ofNullable(stopped);
  }

  public double rate() {
    double s = elapsed.toNanos() / 1e9;
    return s > 0 ? answered / s : 0;
  }

  @Override
  public String toString() {
    return String.format("run %s: %,d requests, %,d answered before, %,d answered now, %,d failed, %,d retries, %.1f s (%.1f req/s)",
        run, total, alreadyDone, answered, failed, retries, elapsed.toNanos() / 1e9, rate());
  }
}
