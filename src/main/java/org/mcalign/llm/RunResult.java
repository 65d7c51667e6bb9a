package org.mcalign.llm;

import java.time.Duration;
import java.util.Map;

/**
 * What a collection run did.
 *
 * @param run the run's name in the store
 * @param total requests of the run
 * @param alreadyDone answered before this run (not asked again)
 * @param answered answered in this run
 * @param failed still without an answer after this run (a rerun asks them again)
 * @param retries retried attempts
 * @param elapsed wall time
 * @param failures custom_id → reason, for the first failures
 */
public record RunResult(String run, int total, int alreadyDone, int answered, int failed, long retries,
    Duration elapsed, Map<String, String> failures) {

  public boolean complete() {
    return alreadyDone + answered == total;
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
