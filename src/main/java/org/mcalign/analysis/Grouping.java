package org.mcalign.analysis;

import java.util.Arrays;
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
    // open addressing on the long keys (no boxing): slot -> group + 1, 0 = empty
    int cap = 64;
    long[] slotKey = new long[cap];
    int[] slotGroup = new int[cap];
    long[] keys = new long[16];
    int[] group = new int[n], sizes = new int[16];
    int groups = 0;
    for (int r = 0; r < n; r++) {
      long k = key.applyAsLong(r);
      int s = (int) (mixed(k) & (cap - 1));
      while (slotGroup[s] != 0 && slotKey[s] != k) s = (s + 1) & (cap - 1);
      int g = slotGroup[s] - 1;
      if (g < 0) {
        if (groups == keys.length) {
          keys = Arrays.copyOf(keys, 2 * groups);
          sizes = Arrays.copyOf(sizes, 2 * groups);
        }
        g = groups++;
        keys[g] = k;
        slotKey[s] = k;
        slotGroup[s] = g + 1;
        if (2 * groups > cap) { // keep the table at most half full
          int bigger = 2 * cap;
          long[] nk = new long[bigger];
          int[] ng = new int[bigger];
          for (int t = 0; t < cap; t++) {
            if (slotGroup[t] == 0) continue;
            int u = (int) (mixed(slotKey[t]) & (bigger - 1));
            while (ng[u] != 0) u = (u + 1) & (bigger - 1);
            nk[u] = slotKey[t];
            ng[u] = slotGroup[t];
          }
          slotKey = nk;
          slotGroup = ng;
          cap = bigger;
        }
      }
      group[r] = g;
      sizes[g]++;
    }
    int[][] rows = new int[groups][];
    for (int g = 0; g < groups; g++) rows[g] = new int[sizes[g]];
    int[] fill = new int[groups];
    for (int r = 0; r < n; r++) rows[group[r]][fill[group[r]]++] = r;
    return new Grouping(Arrays.copyOf(keys, groups), rows);
  }

  private static long mixed(long k) {
    k = (k ^ (k >>> 33)) * 0xff51afd7ed558ccdL;
    return k ^ (k >>> 29);
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
