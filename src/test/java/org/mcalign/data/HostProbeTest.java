package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HostProbeTest {

  @Test
  void countsEveryDrawOfTheSeededGenerators() {
    int[] counts = new int[HostProbe.ROWS];
    HostProbe.pass(counts);
    assertEquals((long) HostProbe.GENERATORS * HostProbe.ROWS, Arrays.stream(counts).asLongStream().sum());
    // the first generator's first draw landed in its row
    int first = new SplittableRandom(0).nextInt(HostProbe.ROWS);
    assertTrue(counts[first] >= 1);
  }

  @Test
  void timesTheSameWorkEveryTime() {
    HostProbe.Result a = HostProbe.fastestOf(1), b = HostProbe.fastestOf(2);
    assertEquals(a.checksum(), b.checksum());
    assertTrue(a.millis() > 0 && b.millis() > 0);
    String line = HostProbe.describe(a, b);
    assertTrue(line.contains(String.format("%.1f ms before", a.millis())) && line.contains(String.format("%.1f ms after", b.millis())), line);
    assertThrows(IllegalArgumentException.class, () -> HostProbe.fastestOf(0));
  }
}
