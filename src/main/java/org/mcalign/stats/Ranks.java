package org.mcalign.stats;

/** Average ranks (ties share the mean of their positions, 1-based), as scipy's rankdata. */
final class Ranks {
  private Ranks() {}

  /** Ranks of {@code v}; the caller guarantees no NaN. */
  static double[] average(double[] v) {
    int n = v.length;
    int[] order = IndexSort.byValue(v);
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i + 1;
      while (j < n && v[order[j]] == v[order[i]]) j++;
      double r = (i + 1 + j) / 2.0; // mean of positions i+1 .. j
      for (int k = i; k < j; k++) ranks[order[k]] = r;
      i = j;
    }
    return ranks;
  }
}
