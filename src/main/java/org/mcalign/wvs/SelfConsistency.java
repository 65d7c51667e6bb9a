package org.mcalign.wvs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ground truth's self-consistency per country, as the paper computes it: in each of
 * {@code rounds} rounds, draw {@code sampleSize} respondents (without replacement; all when
 * fewer) per (country, item) among those with a valid answer, and take their weighted pro
 * score; then join the rounds with themselves on (country, item), identical pairs included,
 * and take the Pearson correlation of the paired scores per country.
 *
 * <p>The self-join has rounds² pairs per item; its Pearson correlation is computed in closed
 * form from per-item sums (same value, no pair table): with mean m over all pairs,
 * cov ∝ Σ_items (Σ_r (s_r − m))² and var ∝ Σ_items rounds · Σ_r (s_r − m)².
 */
final class SelfConsistency {
  private SelfConsistency() {}

  /** One (country, item) group of respondents with a valid answer, able to draw a sample's score. */
  interface Group {
    int country();

    /** Valid respondents in the group. */
    int size();

    /**
     * The weighted pro score of {@code k <= size()} distinct respondents drawn uniformly;
     * {@code scratch} has room for k indices.
     */
    double drawScore(int k, SplittableRandom rng, int[] scratch);
  }

  /** A group held as its weights, pro ones first (small or sparse groups, and tests). */
  record ListGroup(int country, int item, double[] weights, int pro) implements Group {
    @Override
    public int size() {
      return weights.length;
    }

    @Override
    public double drawScore(int k, SplittableRandom rng, int[] chosen) {
      floyd(weights.length, k, rng, chosen);
      double num = 0;
      double den = 0;
      for (int j = 0; j < k; j++) {
        double w = weights[chosen[j]];
        den += w;
        if (chosen[j] < pro) num += w;
      }
      return num / den;
    }
  }

  /**
   * A group drawn straight from its country's respondents in the {@link SampleStore}: positions in
   * the country are drawn uniformly and rejected when already chosen or without a valid answer,
   * which yields a uniform sample of distinct valid respondents without materialising the group
   * (used when at least a fair share of the country answered, so rejections stay few).
   *
   * @param slot the country's slot in the store
   * @param column the item's column in the store
   */
  record RowStoreGroup(int country, int item, int size, SampleStore store, int slot, int column) implements Group {
    @Override
    public double drawScore(int k, SplittableRandom rng, int[] chosen) {
      byte[] block = store.block(slot);
      int respondents = store.respondents(slot);
      int classes = store.column(slot, column);
      int taken = 0;
      double num = 0;
      double den = 0;
      while (taken < k) {
        int pos = rng.nextInt(respondents);
        int c = SampleStore.classAt(block, classes, pos);
        if (c == SampleStore.MISSING) continue;
        boolean seen = false;
        for (int i = 0; i < taken; i++) {
          if (chosen[i] == pos) {
            seen = true;
            break;
          }
        }
        if (seen) continue;
        chosen[taken++] = pos;
        double w = SampleStore.weight(block, pos);
        den += w;
        if (c == SampleStore.PRO) num += w;
      }
      return num / den;
    }
  }

  /**
   * Scores of every group in every round: {@code scores[g][r]}. One generator seeded with
   * {@code seed} draws the groups in the given order, round after round.
   */
  static double[][] sample(List<? extends Group> groups, int rounds, int sampleSize, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] scores = new double[groups.size()][rounds];
    int[] chosen = new int[sampleSize];
    for (int r = 0; r < rounds; r++) {
      for (int g = 0; g < groups.size(); g++) {
        Group group = groups.get(g);
        scores[g][r] = group.drawScore(Math.min(sampleSize, group.size()), rng, chosen);
      }
    }
    return scores;
  }

  /** Robert Floyd's sampling of k distinct indices in [0, n) into {@code out[0..k)}. */
  static void floyd(int n, int k, SplittableRandom rng, int[] out) {
    int size = 0;
    for (int j = n - k; j < n; j++) {
      int t = rng.nextInt(j + 1);
      boolean seen = false;
      for (int i = 0; i < size; i++) {
        if (out[i] == t) {
          seen = true;
          break;
        }
      }
      out[size++] = seen ? j : t;
    }
  }

  /**
   * Pearson correlation over the self-join of rounds, for the groups given by index. NaN when a
   * score is NaN (a sample of zero total weight) or the scores do not vary, as in polars.
   */
  static double pairedCorrelation(double[][] scores, int[] groupIndices) {
    double total = 0;
    double pairs = 0;
    for (int g : groupIndices) {
      double rounds = scores[g].length;
      double sum = 0;
      for (double s : scores[g]) sum += s;
      total += rounds * sum; // each score pairs with every round of its item
      pairs += rounds * rounds;
    }
    double mean = total / pairs;
    double cov = 0;
    double var = 0;
    for (int g : groupIndices) {
      double rounds = scores[g].length;
      double centred = 0;
      double squares = 0;
      for (double s : scores[g]) {
        centred += s - mean;
        squares += (s - mean) * (s - mean);
      }
      cov += centred * centred;
      var += rounds * squares;
    }
    return cov / var;
  }

  /** Straightforward version over the materialised pair table, to check the closed form. */
  static double pairedCorrelationByPairs(double[][] scores, int[] groupIndices) {
    List<double[]> pairs = new ArrayList<>();
    for (int g : groupIndices) for (double a : scores[g]) for (double b : scores[g]) pairs.add(new double[] {a, b});
    double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElse(Double.NaN);
    double my = pairs.stream().mapToDouble(p -> p[1]).average().orElse(Double.NaN);
    double sxy = 0, sxx = 0, syy = 0;
    for (double[] p : pairs) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
      syy += (p[1] - my) * (p[1] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  static int[] indices(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
