package org.mcalign.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Nominal ratings as an item × rater matrix of category codes ({@link #MISSING} where a rater
 * gave no label). Items and raters keep their order of first appearance; categories are sorted,
 * so codes do not depend on the input order.
 */
final class RatingMatrix {
  static final int MISSING = -1;

  final List<String> items;
  final List<String> raters;
  final List<String> categories;
  /** codes[item][rater]. */
  final int[][] codes;

  private RatingMatrix(List<String> items, List<String> raters, List<String> categories, int[][] codes) {
    this.items = items;
    this.raters = raters;
    this.categories = categories;
    this.codes = codes;
  }

  /**
   * From long ratings; a null or blank label is a missing rating. Two labels for one (item,
   * rater) are an error naming both places ({@code where.get(i)} names rating i, e.g. a file line).
   */
  static RatingMatrix of(List<Agreement.Rating> ratings, java.util.function.IntFunction<String> where) {
    Map<String, Integer> item = new LinkedHashMap<>(), rater = new LinkedHashMap<>();
    TreeSet<String> cats = new TreeSet<>();
    for (Agreement.Rating r : ratings) {
      if (r.item() == null || r.item().isBlank()) throw new IllegalArgumentException("a rating without an item");
      if (r.rater() == null || r.rater().isBlank()) throw new IllegalArgumentException("a rating without a rater (item '" + r.item() + "')");
      item.putIfAbsent(r.item(), item.size());
      rater.putIfAbsent(r.rater(), rater.size());
      if (!missing(r.label())) cats.add(r.label());
    }
    List<String> categories = new ArrayList<>(cats);
    Map<String, Integer> code = new HashMap<>();
    for (int c = 0; c < categories.size(); c++) code.put(categories.get(c), c);
    int[][] codes = new int[item.size()][rater.size()];
    for (int[] row : codes) java.util.Arrays.fill(row, MISSING);
    Map<Long, Integer> seen = new HashMap<>();
    for (int i = 0; i < ratings.size(); i++) {
      Agreement.Rating r = ratings.get(i);
      int it = item.get(r.item()), ra = rater.get(r.rater());
      Integer before = seen.putIfAbsent(((long) it << 32) | ra, i);
      if (before != null)
        throw new IllegalArgumentException(where.apply(i) + ": rater '" + r.rater() + "' already rated item '" + r.item()
            + "' at " + where.apply(before) + "; give one label per item and rater");
      if (!missing(r.label())) codes[it][ra] = code.get(r.label());
    }
    return new RatingMatrix(List.copyOf(item.keySet()), List.copyOf(rater.keySet()), List.copyOf(categories), codes);
  }

  static boolean missing(String label) {
    return label == null || label.isBlank();
  }

  /** The same raters and categories over the given items (repeats allowed: a bootstrap resample). */
  RatingMatrix rows(int[] which) {
    int[][] c = new int[which.length][];
    List<String> it = new ArrayList<>(which.length);
    for (int i = 0; i < which.length; i++) {
      c[i] = codes[which[i]];
      it.add(items.get(which[i]));
    }
    return new RatingMatrix(it, raters, categories, c);
  }

  int k() {
    return categories.size();
  }

  /** Ratings given to item {@code i}. */
  int rated(int i) {
    int n = 0;
    for (int v : codes[i]) if (v != MISSING) n++;
    return n;
  }

  /** Per-item category counts (statsmodels' {@code aggregate_raters}) of the items every rater labelled. */
  int[][] completeCounts() {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < codes.length; i++) {
      if (rated(i) != raters.size()) continue;
      int[] n = new int[k()];
      for (int v : codes[i]) n[v]++;
      out.add(n);
    }
    return out.toArray(int[][]::new);
  }
}
