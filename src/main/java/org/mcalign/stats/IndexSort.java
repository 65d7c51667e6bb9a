package org.mcalign.stats;

/** Sorts row indices by a primitive key without boxing (stable merge sort). */
final class IndexSort {
  private IndexSort() {}

  /** Indices 0..n-1 ordered by ascending {@code key}, ties in index order. */
  static int[] byValue(double[] key) {
    int n = key.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    int[] tmp = new int[n];
    // insertion-sort runs of 16, then bottom-up merges
    final int run = 16;
    for (int lo = 0; lo < n; lo += run) {
      int hi = Math.min(n, lo + run);
      for (int i = lo + 1; i < hi; i++) {
        int x = a[i];
        double kx = key[x];
        int j = i - 1;
        while (j >= lo && Double.compare(key[a[j]], kx) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
    }
    int[] src = a, dst = tmp;
    for (int width = run; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(n, lo + width), hi = Math.min(n, lo + 2 * width);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) dst[k++] = Double.compare(key[src[j]], key[src[i]]) < 0 ? src[j++] : src[i++];
        while (i < mid) dst[k++] = src[i++];
        while (j < hi) dst[k++] = src[j++];
      }
      int[] t = src; src = dst; dst = t;
    }
    return src;
  }
}
