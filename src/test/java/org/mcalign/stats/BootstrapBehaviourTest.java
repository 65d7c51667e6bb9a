package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What {@link Bootstrap} promises beyond its results (found untested by mutation testing):
 * the generator's mixing function, where rounds run, how failures surface, numpy's exact
 * interpolation on both sides of the midpoint, and zero rounds.
 */
class BootstrapBehaviourTest {

  /** SplitMix64's finaliser: its first output from seed 0 is the published 0xE220A8397B1DCDAF. */
  @Test
  void mixIsSplitMix64() {
    assertEquals(0xE220A8397B1DCDAFL, Bootstrap.mix64(0x9E3779B97F4A7C15L));
  }

  @Test
  void oneThreadRunsOnTheCallersThreadSeveralOnDaemonWorkers() {
    Thread caller = Thread.currentThread();
    assertEquals(List.of(true, true, true), Bootstrap.of(3, 1).threads(1).run((r, rng) -> Thread.currentThread() == caller));
    Set<String> names = ConcurrentHashMap.newKeySet();
    List<Boolean> daemon = Bootstrap.of(8, 1).threads(2).run((r, rng) -> {
      names.add(Thread.currentThread().getName());
      return Thread.currentThread().isDaemon() && Thread.currentThread() != caller;
    });
    assertEquals(8, daemon.size());
    assertTrue(daemon.stream().allMatch(b -> b), "worker threads are daemons, not the caller");
    assertEquals(Set.of("bootstrap"), names);
  }

  @Test
  void failuresOfParallelRoundsSurfaceUnchanged() {
    IllegalStateException runtime = assertThrows(IllegalStateException.class,
        () -> Bootstrap.of(6, 2).threads(3).run((r, rng) -> { if (r == 4) throw new IllegalStateException("round four"); return r; }));
    assertEquals("round four", runtime.getMessage());
    AssertionError error = assertThrows(AssertionError.class,
        () -> Bootstrap.of(6, 2).threads(3).run((r, rng) -> { if (r == 2) throw new AssertionError("round two"); return r; }));
    assertEquals("round two", error.getMessage());
    IllegalStateException checked = assertThrows(IllegalStateException.class,
        () -> Bootstrap.of(6, 2).threads(3).run((r, rng) -> { if (r == 5) throw new java.io.IOException("disk"); return r; }));
    assertTrue(checked.getMessage().contains("bootstrap round 5 failed: disk"), checked.getMessage());
  }

  @Test
  void zeroRoundsIsAnEmptyRunNegativeIsAnError() {
    assertEquals(List.of(), Bootstrap.of(0, 1).threads(4).run((r, rng) -> r));
    assertThrows(IllegalArgumentException.class, () -> Bootstrap.of(-1, 1));
    assertEquals(7, Bootstrap.of(7, 3).rounds());
    assertEquals(3, Bootstrap.of(7, 3).seed());
  }

  /**
   * numpy 1.24's {@code np.percentile} switches its lerp formula at the midpoint; these inputs
   * are ones where the two formulas differ in the last bit (expected values printed by numpy).
   */
  @Test
  void percentileMatchesNumpyToTheLastBit() {
    assertEquals(0.9653999999999999, Bootstrap.percentile(new double[] {0.039, 0.092, 0.21, 0.992, 0.726}, 97.5), 0);
    assertEquals(0.6833999999999999, Bootstrap.percentile(new double[] {0.733, 0.408, 0.485, 0.471, 0.872}, 70), 0);
    assertEquals(0.0683, Bootstrap.percentile(new double[] {0.188, 0.055, 0.275, 0.657, 0.562}, 2.5), 0);
    assertEquals(0.2406, Bootstrap.percentile(new double[] {0.693, 0.339, 0.523, 0.216, 0.101}, 30), 0);
  }
}
