package org.mcalign.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * pandas' {@code df.pivot(index, on, values).corr()}: Pearson correlation between every pair
 * of groups over the keys both have (pairwise complete, {@code min_periods=1}).
 */
final class CorrelationMatrix {
  final List<String> groups;
  final double[][] r;

  private CorrelationMatrix(List<String> groups, double[][] r) {
    this.groups = groups;
    this.r = r;
  }

  static CorrelationMatrix of(String[] group, String[] key, double[] value, List<String> order) {
    Map<String, Map<String, Double>> byGroup = new HashMap<>();
    for (int i = 0; i < group.length; i++) {
      if (group[i] == null || key[i] == null || Double.isNaN(value[i])) continue;
      byGroup.computeIfAbsent(group[i], k -> new HashMap<>()).put(key[i], value[i]);
    }
    int n = order.size();
    double[][] r = new double[n][n];
    for (int a = 0; a < n; a++)
      for (int b = 0; b < n; b++) {
        Map<String, Double> ma = byGroup.getOrDefault(order.get(a), Map.of()), mb = byGroup.getOrDefault(order.get(b), Map.of());
        List<double[]> pairs = new ArrayList<>();
        for (var e : ma.entrySet()) {
          Double y = mb.get(e.getKey());
          if (y != null) pairs.add(new double[] {e.getValue(), y});
        }
        r[a][b] = pearson(pairs);
      }
    return new CorrelationMatrix(List.copyOf(order), r);
  }

  static double pearson(List<double[]> pairs) {
    int n = pairs.size();
    if (n < 2) return Double.NaN;
    double mx = 0, my = 0;
    for (double[] p : pairs) { mx += p[0]; my += p[1]; }
    mx /= n; my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (double[] p : pairs) { sxy += (p[0] - mx) * (p[1] - my); sxx += (p[0] - mx) * (p[0] - mx); syy += (p[1] - my) * (p[1] - my); }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }
}
