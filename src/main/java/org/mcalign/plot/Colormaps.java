package org.mcalign.plot;

import java.awt.Color;

/**
 * The few matplotlib colormaps the paper's figures use, computed from their definitions
 * (not sampled from images): the four linear family maps of {@code plot.py} (spring, winter,
 * summer, autumn) and the diverging {@code coolwarm} of the heatmaps (Moreland's Msh
 * interpolation between sRGB (59,76,192) and (180,4,38), which is how matplotlib's table was made).
 */
final class Colormaps {
  private Colormaps() {}

  /** matplotlib colormaps are 256-entry look-up tables: value x picks entry floor(x·256). */
  static double lut(double x) {
    int i = (int) Math.floor(x * 256);
    return Math.max(0, Math.min(255, i)) / 255.0;
  }

  /** The paper's family maps in its order (Baseline, openai, gemma, olmo), then two more matplotlib maps. */
  private static final java.util.List<String> FAMILY_MAPS = java.util.List.of("spring", "winter", "summer", "autumn", "cool", "copper");

  /**
   * The colour map of the {@code i}-th model family of a study: the paper's four, then
   * matplotlib's cool and copper, then light-to-dark ramps of hues spaced by the golden angle
   * (so every family of any study gets its own colours).
   */
  static String familyMap(int i) {
    return i < FAMILY_MAPS.size() ? FAMILY_MAPS.get(i) : "hue-" + i;
  }

  static Color linear(String name, double x) {
    double t = lut(x);
    if (name.startsWith("hue-")) {
      double h = (0.07 + 0.618034 * Integer.parseInt(name.substring(4))) % 1;
      return Palette.hls(h, 0.25 + 0.5 * t, 0.75);
    }
    return switch (name) {
      case "spring" -> rgb(1, t, 1 - t);
      case "winter" -> rgb(0, t, 1 - t / 2);
      case "summer" -> rgb(t, 0.5 + t / 2, 0.4);
      case "autumn" -> rgb(1, t, 0);
      case "cool" -> rgb(t, 1 - t, 1);
      case "copper" -> rgb(Math.min(1, 1.25 * t), 0.7812 * t, 0.4975 * t);
      default -> throw new IllegalArgumentException("unknown colormap '" + name + "' (spring, winter, summer, autumn, cool, copper, hue-N)");
    };
  }

  /**
   * seaborn's {@code color_palette(cmap, n)} for a continuous matplotlib map: the n colours at
   * the inner points of {@code linspace(0, 1, n + 2)}.
   */
  static Color[] seabornPalette(String name, int n) {
    Color[] out = new Color[n];
    for (int i = 0; i < n; i++) out[i] = linear(name, (i + 1) / (double) (n + 1));
    return out;
  }

  /** coolwarm at x in [0, 1]. */
  static Color coolwarm(double x) {
    x = Math.max(0, Math.min(1, x));
    double[] a = rgbToMsh(59 / 255.0, 76 / 255.0, 192 / 255.0);
    double[] b = rgbToMsh(180 / 255.0, 4 / 255.0, 38 / 255.0);
    double t = x;
    // both ends saturated and hues far apart: pass through a neutral white point
    double mMid = Math.max(Math.max(a[0], b[0]), 88);
    if (t < 0.5) {
      b = new double[] {mMid, 0, 0};
      t = 2 * t;
    } else {
      a = new double[] {mMid, 0, 0};
      t = 2 * t - 1;
    }
    if (a[1] < 0.05 && b[1] > 0.05) a[2] = adjustHue(b, a[0]);
    else if (b[1] < 0.05 && a[1] > 0.05) b[2] = adjustHue(a, b[0]);
    double m = (1 - t) * a[0] + t * b[0];
    double s = (1 - t) * a[1] + t * b[1];
    double h = (1 - t) * a[2] + t * b[2];
    return mshToRgb(m, s, h);
  }

  private static double adjustHue(double[] msh, double unsatM) {
    if (msh[0] >= unsatM - 0.1) return msh[2];
    double spin = msh[1] * Math.sqrt(unsatM * unsatM - msh[0] * msh[0]) / (msh[0] * Math.sin(msh[1]));
    return msh[2] > -Math.PI / 3 ? msh[2] + spin : msh[2] - spin;
  }

  private static final double XN = 0.95047, YN = 1.0, ZN = 1.08883;

  private static double toLinear(double c) {
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static double toGamma(double c) {
    c = Math.max(0, Math.min(1, c));
    return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
  }

  private static double f(double t) {
    return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
  }

  private static double finv(double t) {
    return t > 0.20689 ? t * t * t : (t - 16.0 / 116) / 7.787;
  }

  static double[] rgbToMsh(double r, double g, double b) {
    r = toLinear(r);
    g = toLinear(g);
    b = toLinear(b);
    double x = 0.4124 * r + 0.3576 * g + 0.1805 * b;
    double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    double z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
    double l = 116 * f(y / YN) - 16;
    double aa = 500 * (f(x / XN) - f(y / YN));
    double bb = 200 * (f(y / YN) - f(z / ZN));
    double m = Math.sqrt(l * l + aa * aa + bb * bb);
    return new double[] {m, Math.acos(l / m), Math.atan2(bb, aa)};
  }

  static Color mshToRgb(double m, double s, double h) {
    double l = m * Math.cos(s), aa = m * Math.sin(s) * Math.cos(h), bb = m * Math.sin(s) * Math.sin(h);
    double fy = (l + 16) / 116;
    double x = XN * finv(fy + aa / 500), y = YN * finv(fy), z = ZN * finv(fy - bb / 200);
    double r = 3.2406 * x - 1.5372 * y - 0.4986 * z;
    double g = -0.9689 * x + 1.8758 * y + 0.0415 * z;
    double b = 0.0557 * x - 0.2040 * y + 1.0570 * z;
    return rgb(toGamma(r), toGamma(g), toGamma(b));
  }

  static Color rgb(double r, double g, double b) {
    return new Color((float) clamp(r), (float) clamp(g), (float) clamp(b));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
