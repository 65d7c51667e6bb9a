package org.mcalign.llm;

import java.time.Duration;

/**
 * A snapshot of a run's progress, given to progress listeners (stderr, notebook bars).
 *
 * @param total requests in the run
 * @param alreadyDone answered before this run started (kept from the store)
 * @param done answered so far, including {@code alreadyDone}
 * @param failed given up on in this run (a rerun asks again)
 * @param retries retried attempts so far
 * @param elapsed time since this run started
 * @param phase what is happening ("direct", or a batch state such as "in_progress")
 */
public record Progress(int total, int alreadyDone, int done, int failed, long retries, Duration elapsed, String phase) {

  /** Answers per second received in this run. */
  public double rate() {
    double s = elapsed.toNanos() / 1e9;
    return s > 0 ? (done - alreadyDone) / s : 0;
  }

  /** Fraction finished (answered or failed), 0..1. */
  public double fraction() {
    return total == 0 ? 1 : (double) (done + failed) / total;
  }

  @Override
  public String toString() {
    return String.format("%s: %,d/%,d done (%.1f%%), %,d failed, %,d retries, %.1f req/s, %ds",
        phase, done, total, 100 * fraction(), failed, retries, rate(), elapsed.toSeconds());
  }
}
