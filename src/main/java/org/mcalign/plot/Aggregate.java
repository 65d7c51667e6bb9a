package org.mcalign.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** seaborn's categorical aggregation: per (x, hue) the mean of the values and its interval. */
final class Aggregate {
  final double[][] mean, lo, hi;

  private Aggregate(int nx, int nh) {
    mean = new double[nx][nh];
    lo = new double[nx][nh];
    hi = new double[nx][nh];
    for (int i = 0; i < nx; i++) {
      java.util.Arrays.fill(mean[i], Double.NaN);
      java.util.Arrays.fill(lo[i], Double.NaN);
      java.util.Arrays.fill(hi[i], Double.NaN);
    }
  }

  static Aggregate of(List<String> xOrder, List<String> hueOrder, String[] x, String[] hue, double[] v, Interval interval) {
    Map<String, List<Double>> groups = new LinkedHashMap<>();
    for (int i = 0; i < v.length; i++) {
      if (x[i] == null || hue[i] == null || Double.isNaN(v[i])) continue;
      groups.computeIfAbsent(x[i] + "\u0000" + hue[i], k -> new ArrayList<>()).add(v[i]);
    }
    Aggregate a = new Aggregate(xOrder.size(), hueOrder.size());
    for (int c = 0; c < xOrder.size(); c++)
      for (int h = 0; h < hueOrder.size(); h++) {
        List<Double> g = groups.get(xOrder.get(c) + "\u0000" + hueOrder.get(h));
        if (g == null) continue;
        double[] vals = g.stream().mapToDouble(Double::doubleValue).toArray();
        a.mean[c][h] = Interval.mean(vals);
        double[] iv = interval.of(vals);
        if (iv != null) { a.lo[c][h] = iv[0]; a.hi[c][h] = iv[1]; }
      }
    return a;
  }

  /** Distinct values in order of first appearance (seaborn's default category order). */
  static List<String> appearance(String[] values) {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    for (String v : values) if (v != null) s.add(v);
    return new ArrayList<>(s);
  }

  /** The levels present, in the order of {@code preferred}; unknown ones after, sorted. */
  static List<String> ordered(String[] values, List<String> preferred) {
    LinkedHashSet<String> present = new LinkedHashSet<>(appearance(values));
    List<String> out = new ArrayList<>();
    for (String p : preferred) if (present.remove(p)) out.add(p);
    List<String> rest = new ArrayList<>(present);
    java.util.Collections.sort(rest);
    out.addAll(rest);
    return out;
  }
}
