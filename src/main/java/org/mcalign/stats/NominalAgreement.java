package org.mcalign.stats;

/**
 * The agreement coefficients on a {@link RatingMatrix}, each with its textbook definition:
 * Fleiss' κ (Fleiss 1971, as statsmodels' {@code fleiss_kappa}), Cohen's κ (Cohen 1960, as
 * statsmodels' {@code cohens_kappa} without weights), Krippendorff's α for nominal data
 * (Krippendorff 2011, from the coincidence matrix; missing ratings allowed) and percent
 * agreement. NaN where a coefficient is undefined (no data, or chance agreement 1).
 */
final class NominalAgreement {
  private NominalAgreement() {}

  /** Fleiss' κ from per-item category counts, every item with the same number of ratings m ≥ 2. */
  static double fleiss(int[][] counts) {
    if (counts.length == 0) return Double.NaN;
    int k = counts[0].length;
    int m = 0;
    for (int v : counts[0]) m += v;
    if (m < 2) return Double.NaN;
    double[] pCat = new double[k];
    double pMean = 0;
    for (int[] row : counts) {
      double sq = 0;
      for (int c = 0; c < k; c++) {
        pCat[c] += row[c];
        sq += (double) row[c] * row[c];
      }
      pMean += (sq - m) / ((double) m * (m - 1));
    }
    pMean /= counts.length;
    double pExp = 0;
    for (int c = 0; c < k; c++) {
      double p = pCat[c] / ((double) counts.length * m);
      pExp += p * p;
    }
    return (pMean - pExp) / (1 - pExp);
  }

  /** Cohen's κ of raters {@code a} and {@code b} over the items both labelled. */
  static double cohen(RatingMatrix r, int a, int b) {
    int k = r.k();
    double[][] t = new double[k][k];
    int n = 0;
    for (int[] row : r.codes) {
      if (row[a] == RatingMatrix.MISSING || row[b] == RatingMatrix.MISSING) continue;
      t[row[a]][row[b]]++;
      n++;
    }
    if (n == 0) return Double.NaN;
    double agree = 0, exp = 0;
    for (int c = 0; c < k; c++) {
      agree += t[c][c];
      double rowSum = 0, colSum = 0;
      for (int d = 0; d < k; d++) {
        rowSum += t[c][d];
        colSum += t[d][c];
      }
      exp += (rowSum / n) * (colSum / n);
    }
    return (agree / n - exp) / (1 - exp);
  }

  /** Share of the items both raters labelled on which their labels are equal. */
  static double pairPercent(RatingMatrix r, int a, int b) {
    int n = 0, same = 0;
    for (int[] row : r.codes) {
      if (row[a] == RatingMatrix.MISSING || row[b] == RatingMatrix.MISSING) continue;
      n++;
      if (row[a] == row[b]) same++;
    }
    return n == 0 ? Double.NaN : (double) same / n;
  }

  /** Items both raters labelled. */
  static int pairItems(RatingMatrix r, int a, int b) {
    int n = 0;
    for (int[] row : r.codes) if (row[a] != RatingMatrix.MISSING && row[b] != RatingMatrix.MISSING) n++;
    return n;
  }

  /**
   * Percent agreement: per item with at least two ratings, the share of its pairs of ratings
   * that agree; the mean over those items (each item weighs the same).
   */
  static double percent(RatingMatrix r) {
    double sum = 0;
    int items = 0;
    int[] n = new int[r.k()];
    for (int[] row : r.codes) {
      java.util.Arrays.fill(n, 0);
      int m = 0;
      for (int v : row) if (v != RatingMatrix.MISSING) { n[v]++; m++; }
      if (m < 2) continue;
      double agreeing = 0;
      for (int c : n) agreeing += (double) c * (c - 1);
      sum += agreeing / ((double) m * (m - 1));
      items++;
    }
    return items == 0 ? Double.NaN : sum / items;
  }

  /**
   * Krippendorff's nominal α: items with fewer than two ratings are not pairable and left out;
   * each pairable item adds its ordered pairs of ratings to the coincidence matrix with weight
   * 1/(m − 1); α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
   */
  static double krippendorff(RatingMatrix r) {
    int k = r.k();
    double[][] o = new double[k][k];
    int[] n = new int[k];
    for (int[] row : r.codes) {
      java.util.Arrays.fill(n, 0);
      int m = 0;
      for (int v : row) if (v != RatingMatrix.MISSING) { n[v]++; m++; }
      if (m < 2) continue;
      for (int c = 0; c < k; c++)
        for (int d = 0; d < k; d++)
          if (n[c] > 0 && n[d] > 0) o[c][d] += (double) n[c] * (c == d ? n[c] - 1 : n[d]) / (m - 1);
    }
    double total = 0, disagree = 0;
    double[] nc = new double[k];
    for (int c = 0; c < k; c++)
      for (int d = 0; d < k; d++) {
        nc[c] += o[c][d];
        total += o[c][d];
        if (c != d) disagree += o[c][d];
      }
    double expected = 0;
    for (int c = 0; c < k; c++)
      for (int d = 0; d < k; d++) if (c != d) expected += nc[c] * nc[d];
    if (total < 2 || expected == 0) return Double.NaN;
    return 1 - (total - 1) * disagree / expected;
  }
}
