package org.mcalign.llm;

/**
 * What one base URL did in a direct run: attempts sent there, answers, throttled answers
 * (429/503), attempts that could not reach it, how often it was taken out of rotation and
 * probed, the attempts it got while out (the probes only), and its limit of requests in flight
 * (as set, the lowest it fell to, at the end).
 */
public record EndpointStats(String url, long attempts, long answered, long throttled, long unreachable, long takenOut,
    long probes, long attemptsWhileOut, int initialLimit, int minLimit, int finalLimit, boolean outAtEnd) {

  @Override
  public String toString() {
    return String.format("%s: %,d attempts, %,d answered, %,d throttled (429/503), %,d unreachable%s; in flight at most %d"
        + " at the end (set %d, lowest %d)", url, attempts, answered, throttled, unreachable,
        takenOut == 0 ? "" : String.format(", taken out of rotation %d× (%d probes)%s", takenOut, probes,
            outAtEnd ? ", still out at the end" : ""), finalLimit, initialLimit, minLimit);
  }
}
