package org.mcalign.plot;

import java.awt.Color;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The two residual figures the paper made with R (lattice for lme4, base graphics for lm),
 * with one change: the points are drawn as a 2-D histogram shaded by count instead of
 * thousands of overplotted circles (16,000 for RQ2), so where the residuals lie is visible.
 */
final class Residuals {
  private Residuals() {}

  static void check(String name, double[] fitted, double[] residuals) {
    if (fitted == null || residuals == null) throw new IllegalArgumentException(name + ": fitted values and residuals are required");
    if (fitted.length != residuals.length)
      throw new IllegalArgumentException(name + ": " + fitted.length + " fitted values but " + residuals.length + " residuals");
    if (fitted.length == 0) throw new IllegalArgumentException(name + ": no residuals to plot");
  }

  /** Columns of the residuals' 2-D histogram: about √n (at least 30, at most 100: 4 logical pixels). */
  static int bins(int n) {
    return (int) Math.max(30, Math.min(100, Math.round(Math.sqrt(n) * 0.8)));
  }

  /** lattice's default symbol colour. */
  static final Color LATTICE_BLUE = new Color(0x00, 0x80, 0xFF);

  static Figure lattice(double[] fitted, double[] residuals, String name) {
    check(name, fitted, residuals);
    Panel p = Panel.continuous().style(Panel.Style.R_BOX).margin(0.07).fonts(11, 13, 13)
        .xLabel("fitted(.)").yLabel("resid(., type = \"pearson\")")
        .density(fitted, residuals, LATTICE_BLUE, bins(fitted.length), bins(fitted.length) * 9 / 10)
        .hline(0, Color.BLACK, 1f, null);
    return Facets.of(p).size(480, 480).figure(name);
  }

  static Figure rbase(double[] fitted, double[] residuals, String caption, String name) {
    check(name, fitted, residuals);
    double[][] smooth = Lowess.smooth(fitted, residuals, 2.0 / 3, 3);
    Panel p = Panel.continuous().style(Panel.Style.R_BOX).margin(0.04).yTickRotation(90).fonts(12, 12, 13)
        .title("Residuals vs Fitted").xLabel("Fitted values").yLabel("Residuals")
        .density(fitted, residuals, Color.BLACK, bins(fitted.length), bins(fitted.length) * 9 / 10)
        .hline(0, Color.GRAY, 1f, new float[] {1.5f, 3f})
        .overlayLine(smooth[0], smooth[1], Color.RED, 1.6f);
    Integer[] order = IntStream.range(0, residuals.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> -Math.abs(residuals[i])));
    for (int k = 0; k < Math.min(3, order.length); k++) {
      int i = order[k];
      p.text(fitted[i], residuals[i], "  " + (i + 1), 10, Color.BLACK, "left", "center");
    }
    return Facets.of(p).size(480, 480).supXLabel(caption).supFont(12).figure(name);
  }
}
