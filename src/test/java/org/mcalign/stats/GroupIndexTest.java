package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupIndexTest {
  @Test
  void groupsByKeyTuplesInOrderOfFirstAppearance() {
    String[] model = {"m1", "m2", "m1", "m2", "m1", "m1"};
    String[] lang = {"en", "en", "da", "en", "en", "da"};
    GroupIndex g = GroupIndex.of(model, lang);
    assertEquals(3, g.groupCount());
    assertEquals(List.of("m1", "en"), g.key(0));
    assertEquals(List.of("m2", "en"), g.key(1));
    assertEquals(List.of("m1", "da"), g.key(2));
    assertArrayEquals(new int[] {2, 2, 2}, g.counts());
    assertArrayEquals(new double[] {2.5, 2, 3.5}, g.mean(new double[] {1, 1, 3, 3, 4, 4}));
  }

  @Test
  void groupedSpearmanOverAResample() {
    String[] k = {"a", "a", "a", "b", "b", "b"};
    double[] x = {1, 2, 3, 1, 2, 3};
    double[] y = {1, 2, 3, 3, 2, 1};
    GroupIndex g = GroupIndex.of(k);
    assertArrayEquals(new double[] {1, -1}, g.spearman(x, y), 1e-15);
    // resample rows 0,0,1 (group a: x=1,1,2 y=1,1,2 -> rho 1) and 3,4 (group b: -1)
    GroupIndex s = g.over(new int[] {0, 3, 0, 4, 1});
    assertArrayEquals(new int[] {3, 2}, s.counts());
    assertArrayEquals(new double[] {1, -1}, s.spearman(x, y), 1e-15);
    // a group absent from the resample gives NaN
    assertTrue(Double.isNaN(g.over(new int[] {0, 1}).spearman(x, y)[1]));
  }
}
