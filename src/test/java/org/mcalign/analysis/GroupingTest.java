package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GroupingTest {
  /** Groups in order of first sight, each with its rows ascending, as a LinkedHashMap groups them. */
  static void assertGroupsLikeAMap(long[] key) {
    Map<Long, List<Integer>> ref = new LinkedHashMap<>();
    for (int r = 0; r < key.length; r++) ref.computeIfAbsent(key[r], k -> new ArrayList<>()).add(r);
    Grouping g = Grouping.of(key.length, r -> key[r]);
    assertEquals(ref.size(), g.size());
    int i = 0;
    for (var e : ref.entrySet()) {
      assertEquals(e.getKey(), g.keys[i]);
      assertArrayEquals(e.getValue().stream().mapToInt(Integer::intValue).toArray(), g.rows[i]);
      i++;
    }
  }

  @Test
  void fewAndManyGroupsIncludingCollidingAndPackedKeys() {
    assertGroupsLikeAMap(new long[0]);
    assertGroupsLikeAMap(new long[] {5, 5, 5});
    SplittableRandom rng = new SplittableRandom(3);
    for (int groups : new int[] {1, 7, 40, 1000, 30_000}) {
      long[] key = new long[60_000];
      for (int r = 0; r < key.length; r++) {
        int g = rng.nextInt(groups);
        key[r] = Grouping.pack(g % 13, g / 13 % 50, g / 650) ^ (g % 3 == 0 ? 0L : (long) g << 63 >>> 1);
      }
      assertGroupsLikeAMap(key);
    }
    long[] strided = new long[5000]; // keys that share their low bits
    for (int r = 0; r < strided.length; r++) strided[r] = (long) (r % 700) << 32;
    assertGroupsLikeAMap(strided);
  }
}
