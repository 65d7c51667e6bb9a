package org.mcalign.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which base URL of an endpoint the next attempt goes to, and how many may be in flight at each:
 * one lane per base URL, each with an adaptive limit (AIMD: halved on a 429 or 503 answer, at
 * most once per round trip; raised by one per limit's worth of successes while the lane is full
 * and requests wait for room)
 * and a health state. A lane whose server cannot be reached three times in a row is taken out of
 * rotation while another remains, and its share of the concurrency goes to the others; after a
 * cool-down (1 s, doubling up to a minute) one request probes it, and a success brings it back.
 * The last lane in rotation is never taken out: its failures are retried with backoff as usual.
 */
final class EndpointLanes {
  /** How an attempt ended, as far as the lane's health and limit are concerned. */
  enum Outcome { SUCCESS, THROTTLED, UNREACHABLE, OTHER }

  static final int FAILURES_BEFORE_OUT = 3;
  static final Duration FIRST_COOL_DOWN = Duration.ofSeconds(1);
  static final Duration MAX_COOL_DOWN = Duration.ofMinutes(1);

  /** One base URL's state. Guarded by the enclosing object. */
  static final class Lane {
    final int index;
    final String url;
    int inFlight;
    double limit;
    double minLimit;
    long lastDecrease;
    int consecutiveUnreachable;
    boolean out;
    boolean probing;
    long outUntil;
    /** When the lane was last taken out: only attempts started later (probes) can bring it back. */
    long outSince;
    Duration coolDown = FIRST_COOL_DOWN;
    long attempts, answered, throttled, unreachable, takenOut, probes, attemptsWhileOut;

    Lane(int index, String url, double limit) {
      this.index = index;
      this.url = url;
      this.limit = limit;
      this.minLimit = limit;
    }

    int capacity() {
      return Math.max(1, (int) Math.floor(limit));
    }
  }

  private final List<Lane> lanes = new ArrayList<>();
  private final int initial;
  private final double max;
  private final boolean adaptive;
  private long rotation;
  /** Attempts waiting for room: the demand a raised limit would serve. */
  private int waiting;

  /**
   * @param perLane requests in flight per base URL to start with
   * @param adaptive false keeps every limit fixed (for comparisons)
   */
  EndpointLanes(List<String> urls, int perLane, boolean adaptive) {
    this.initial = perLane;
    this.max = (double) perLane * urls.size();
    this.adaptive = adaptive;
    for (int i = 0; i < urls.size(); i++) lanes.add(new Lane(i, urls.get(i), perLane));
  }

  int size() {
    return lanes.size();
  }

  /**
   * The lane for the next attempt, waiting while every lane in rotation is full; {@code avoid}
   * (or -1) is a lane that just failed this request, used only when no other has room.
   */
  synchronized Lane acquire(int avoid) throws InterruptedException {
    while (true) {
      long now = System.nanoTime();
      Lane pick = null;
      for (Lane l : lanes) {
        if (l.out && !l.probing && now >= l.outUntil) {
          // a probe: one request sees whether the server is back
          l.probing = true;
          l.probes++;
          pick = l;
          break;
        }
      }
      if (pick == null) {
        int n = lanes.size();
        int start = (int) Math.floorMod(rotation++, (long) n);
        for (int k = 0; k < n; k++) {
          Lane l = lanes.get((start + k) % n);
          if (l.out || l.inFlight >= l.capacity()) continue;
          if (l.index == avoid && hasRoomElsewhere(avoid)) continue;
          if (pick == null || (double) l.inFlight / l.capacity() < (double) pick.inFlight / pick.capacity()) pick = l;
        }
      }
      if (pick != null) {
        pick.inFlight++;
        pick.attempts++;
        if (pick.out) pick.attemptsWhileOut++;
        return pick;
      }
      long wait = Long.MAX_VALUE;
      for (Lane l : lanes) if (l.out && !l.probing) wait = Math.min(wait, l.outUntil - now);
      long ms = wait == Long.MAX_VALUE ? 1000 : Math.max(1, wait / 1_000_000 + 1);
      waiting++;
      try {
        wait(Math.min(ms, 1000));
      } finally {
        waiting--;
      }
    }
  }

  private boolean hasRoomElsewhere(int avoid) {
    for (Lane l : lanes) if (l.index != avoid && !l.out && l.inFlight < l.capacity()) return true;
    return false;
  }

  /** Ends an attempt started at {@code startNanos} on {@code lane}. */
  synchronized void release(Lane lane, Outcome outcome, long startNanos) {
    boolean full = lane.inFlight >= lane.capacity();
    lane.inFlight--;
    long now = System.nanoTime();
    switch (outcome) {
      case SUCCESS -> {
        lane.answered++;
        lane.consecutiveUnreachable = 0;
        // an answer to a request sent before the lane was taken out says nothing about the server now
        if (lane.out && startNanos > lane.outSince) {
          lane.out = false;
          lane.probing = false;
          lane.coolDown = FIRST_COOL_DOWN;
          lane.limit = Math.min(lane.limit, initial);
        } else if (!lane.out && adaptive && full && waiting > 0) {
          lane.limit = Math.min(max, lane.limit + 1.0 / lane.limit);
        }
      }
      case THROTTLED -> {
        lane.throttled++;
        lane.consecutiveUnreachable = 0;
        if (lane.out) backOut(lane, now);
        // answers to requests sent before the last decrease say nothing about the new limit
        if (adaptive && startNanos > lane.lastDecrease) {
          lane.limit = Math.max(1, lane.limit / 2);
          lane.minLimit = Math.min(lane.minLimit, lane.limit);
          lane.lastDecrease = now;
        }
      }
      case UNREACHABLE -> {
        lane.unreachable++;
        lane.consecutiveUnreachable++;
        if (lane.out) backOut(lane, now);
        else if (lane.consecutiveUnreachable >= FAILURES_BEFORE_OUT && inRotation() > 1) takeOut(lane, now);
      }
      case OTHER -> {
        lane.consecutiveUnreachable = 0;
        if (lane.out && startNanos > lane.outSince) {
          // the server answered a probe: it is up again
          lane.out = false;
          lane.probing = false;
          lane.coolDown = FIRST_COOL_DOWN;
        }
      }
    }
    notifyAll();
  }

  private void takeOut(Lane lane, long now) {
    lane.out = true;
    lane.takenOut++;
    lane.outSince = now;
    lane.coolDown = FIRST_COOL_DOWN;
    lane.outUntil = now + lane.coolDown.toNanos();
    // the survivors take over its share of the concurrency
    List<Lane> in = lanes.stream().filter(l -> !l.out).toList();
    for (Lane l : in) l.limit = Math.min(max, l.limit + lane.limit / in.size());
  }

  private void backOut(Lane lane, long now) {
    lane.probing = false;
    lane.coolDown = lane.coolDown.multipliedBy(2).compareTo(MAX_COOL_DOWN) > 0 ? MAX_COOL_DOWN : lane.coolDown.multipliedBy(2);
    lane.outUntil = now + lane.coolDown.toNanos();
  }

  private int inRotation() {
    int n = 0;
    for (Lane l : lanes) if (!l.out) n++;
    return n;
  }

  /** Whether another lane than {@code lane} is in rotation (a failed attempt may go there at once). */
  synchronized boolean otherInRotation(Lane lane) {
    for (Lane l : lanes) if (l != lane && !l.out) return true;
    return false;
  }

  /** Requests in flight allowed now, over all lanes in rotation. */
  synchronized int currentLimit() {
    int n = 0;
    for (Lane l : lanes) if (!l.out) n += l.capacity();
    return n;
  }

  synchronized int lanesOut() {
    return lanes.size() - inRotation();
  }

  synchronized List<EndpointStats> stats() {
    List<EndpointStats> out = new ArrayList<>();
    for (Lane l : lanes) {
      out.add(new EndpointStats(l.url, l.attempts, l.answered, l.throttled, l.unreachable, l.takenOut, l.probes, l.attemptsWhileOut,
          initial, (int) Math.floor(l.minLimit), l.capacity(), l.out));
    }
    return out;
  }
}
