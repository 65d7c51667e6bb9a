package org.mcalign.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * matplotlib's default tick choice ({@code AutoLocator} = {@code MaxNLocator(nbins="auto",
 * steps=[1, 2, 2.5, 5, 10])}): the smallest nice step that splits the view into at most
 * nbins intervals, where nbins follows the axis length (x: length / (3 · font size),
 * y: length / (2 · font size), at most 9); and its labels: one number of decimals per axis,
 * a true minus sign.
 */
final class Ticks {
  private Ticks() {}

  static int bins(double lengthPx, double fontPx, boolean xAxis) {
    int n = (int) Math.floor(lengthPx / ((xAxis ? 3 : 2) * fontPx));
    return Math.max(1, Math.min(9, n));
  }

  static double[] of(double vmin, double vmax, int nbins) {
    if (!(vmax > vmin)) return new double[] {vmin};
    double raw = (vmax - vmin) / nbins;
    double scale = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = 10 * scale;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * scale >= raw - 1e-12 * scale) { step = m * scale; break; }
    }
    List<Double> out = new ArrayList<>();
    double first = Math.ceil(vmin / step - 1e-9) * step;
    for (double v = first; v <= vmax + 1e-9 * step; v += step) out.add(Math.abs(v) < 1e-12 * step ? 0 : Math.rint(v / step) * step);
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static int decimals(double[] ticks) {
    int d = 0;
    for (double v : ticks) {
      int k = 0;
      while (k < 6 && Math.abs(v * Math.pow(10, k) - Math.rint(v * Math.pow(10, k))) > 1e-6) k++;
      d = Math.max(d, k);
    }
    return d;
  }

  static String format(double v, int decimals) {
    if (Math.abs(v) < 1e-12) v = 0;
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
  }
}
