package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/** Rows grouped by a long key (several int codes packed), groups in order of first sight. */
final class Grouping {
  final long[] keys;
  final int[][] rows;

  private Grouping(long[] keys, int[][] rows) {
    this.keys = keys;
    this.rows = rows;
  }

  static Grouping of(int n, IntToLongFunction key) {
    Map<Long, Integer> index = new HashMap<>();
    List<int[]> lists = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    List<Long> keys = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      long k = key.applyAsLong(r);
      Integer g = index.get(k);
      if (g == null) {
        g = lists.size();
        index.put(k, g);
        lists.add(new int[8]);
        sizes.add(0);
        keys.add(k);
      }
      int s = sizes.get(g);
      int[] a = lists.get(g);
      if (s == a.length) lists.set(g, a = Arrays.copyOf(a, s * 2));
      a[s] = r;
      sizes.set(g, s + 1);
    }
    int[][] rows = new int[lists.size()][];
    long[] k = new long[lists.size()];
    for (int g = 0; g < rows.length; g++) {
      rows[g] = Arrays.copyOf(lists.get(g), sizes.get(g));
      k[g] = keys.get(g);
    }
    return new Grouping(k, rows);
  }

  static long pack(int a, int b, int c) {
    return ((long) a << 42) | ((long) b << 21) | c;
  }

  static int unpack(long key, int part) {
    return (int) ((key >>> (42 - 21 * part)) & 0x1FFFFF);
  }

  int size() {
    return rows.length;
  }
}
