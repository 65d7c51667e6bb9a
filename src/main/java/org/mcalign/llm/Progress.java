package org.mcalign.llm;

import java.time.Duration;
import java.util.Optional;

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
 * @param detail more about the state (requests in flight allowed, endpoints out of rotation), or ""
 */
public record Progress(int total, int alreadyDone, int done, int failed, long retries, Duration elapsed, String phase,
    String detail) {

  /** Answers per second received in this run. */
  public double rate() {
    double s = elapsed.toNanos() / 1e9;
    return s > 0 ? (done - alreadyDone) / s : 0;
  }

  /** Fraction finished (answered or failed), 0..1. */
  public double fraction() {
    return total == 0 ? 1 : (double) (done + failed) / total;
  }

  /** Time left at the rate so far, once there is a rate. */
  public Optional<Duration> eta() {
    double r = rate();
    int left = total - done - failed;
    if (left <= 0) return Optional.of(Duration.ZERO);
    return r > 0 ? Optional.of(Duration.ofMillis((long) (left / r * 1000))) : Optional.empty();
  }

  /** done/total, failed, retries, rate and ETA in one line (notebook bars show it beside the bar). */
  public String summary() {
    return String.format("%,d/%,d done, %,d failed, %,d retries, %.1f req/s, ETA %s", done, total, failed, retries, rate(),
        eta().map(Progress::clock).orElse("?"));
  }

  /** A duration as 42s, 3m05s or 2h10m. */
  public static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }

  @Override
  public String toString() {
    return String.format("%s: %,d/%,d done (%.1f%%), %,d failed, %,d retries, %.1f req/s, %s elapsed, ETA %s%s",
        phase, done, total, 100 * fraction(), failed, retries, rate(), clock(elapsed), eta().map(Progress::clock).orElse("?"),
        detail == null || detail.isEmpty() ? "" : "; " + detail);
  }
}
