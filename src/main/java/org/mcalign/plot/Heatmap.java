package org.mcalign.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A square correlation heatmap in Java2D (seaborn's {@code heatmap}: coolwarm centred at 0,
 * square cells with white separators, colour bar on the right), optionally only the lower
 * triangle below the diagonal ({@code mask=np.triu(...)}) and annotated cells whose text
 * colour follows the cell's luminance like seaborn's.
 */
public final class Heatmap {
  private final List<String> labels;
  private final double[][] values;
  private boolean lowerTriangle;
  private DoubleFunction<String> annotate;
  private double vmin = -1, vmax = 1;
  private String title;
  private int width = 1100, height = 960;
  private double tickPx = 30, annotPx = 27, colorbarTickPx = 27, titlePx = 30;
  private double lineWidth = 1.0;
  private double colorbarShrink = 1.0;
  private double xLabelRotation = 90;
  private double yLabelRotation = 0;

  private Heatmap(List<String> labels, double[][] values) {
    if (values.length != labels.size())
      throw new IllegalArgumentException("heatmap: " + labels.size() + " labels for a " + values.length + "-row matrix");
    for (double[] row : values)
      if (row.length != labels.size()) throw new IllegalArgumentException("heatmap: the matrix must be square (" + labels.size() + " columns)");
    this.labels = List.copyOf(labels);
    this.values = values;
  }

  /** A heatmap of a square matrix whose rows and columns are both {@code labels}. */
  public static Heatmap of(List<String> labels, double[][] values) {
    return new Heatmap(labels, values);
  }

  public Heatmap lowerTriangle(boolean b) { lowerTriangle = b; return this; }
  public Heatmap annotate(DoubleFunction<String> fmt) { annotate = fmt; return this; }
  public Heatmap range(double min, double max) { vmin = min; vmax = max; return this; }
  public Heatmap title(String t) { title = t; return this; }
  public Heatmap size(int w, int h) { width = w; height = h; return this; }
  public Heatmap fonts(double tick, double annot, double colorbarTick, double titleSize) { tickPx = tick; annotPx = annot; colorbarTickPx = colorbarTick; titlePx = titleSize; return this; }
  public Heatmap lineWidth(double w) { lineWidth = w; return this; }
  public Heatmap colorbarShrink(double s) { colorbarShrink = s; return this; }
  public Heatmap xLabelRotation(double degrees) { xLabelRotation = degrees; return this; }
  /** seaborn turns y labels vertical unless they would overlap. */
  public Heatmap yLabelRotation(double degrees) { yLabelRotation = degrees; return this; }

  /** seaborn's annotation text: ".58" for 0.58, "-.12" for -0.12 ({@code _remove_leading_zero}). */
  public static String withoutLeadingZero(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.2f", v);
    if (s.startsWith("0.")) return s.substring(1);
    if (s.startsWith("-0.")) return "-" + s.substring(2);
    return s;
  }

  public Figure figure(String fileName) {
    int d = Figure.DENSITY;
    BufferedImage img = new BufferedImage(width * d, height * d, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.scale(d, d);
    paint(g);
    g.dispose();
    return Figure.of(fileName, img, d);
  }

  private void paint(Graphics2D g) {
    int n = labels.size();
    Font tick = Text.font(tickPx, false), cbFont = Text.font(colorbarTickPx, false), tf = Text.font(titlePx, false);
    double labelW = labels.stream().mapToDouble(l -> Text.box(l, tick, yLabelRotation)[0]).max().orElse(0);
    double labelH = labels.stream().mapToDouble(l -> Text.box(l, tick, xLabelRotation)[1]).max().orElse(0);
    double cbLabelW = Text.width("\u22121.00", cbFont);
    double top = 10 + (title != null ? Text.height(tf) + 14 : 0);
    double left = 10 + labelW + 10;
    double cbGap = 50, cbW = 28;
    double availW = width - left - cbGap - cbW - cbLabelW - 24;
    double availH = height - top - labelH - 20;
    double cell = Math.min(availW, availH) / n;
    double gridW = cell * n;
    double x0 = left, y0 = top;
    g.setColor(Panel.TEXT);
    if (title != null) Text.draw(g, title, tf, x0 + gridW / 2, 10, "center", "top", 0);
    Font af = Text.font(annotPx, false);
    for (int r = 0; r < n; r++)
      for (int c = 0; c < n; c++) {
        if (lowerTriangle && c >= r) continue;
        double v = values[r][c];
        if (Double.isNaN(v)) continue;
        Color col = Palette.coolwarm(v, vmin, vmax);
        Rectangle2D cellRect = new Rectangle2D.Double(x0 + c * cell, y0 + r * cell, cell, cell);
        g.setColor(col);
        g.fill(cellRect);
        if (lineWidth > 0) {
          g.setColor(Color.WHITE);
          g.setStroke(new BasicStroke((float) lineWidth * 1.4f));
          g.draw(cellRect);
        }
        if (annotate != null) {
          g.setColor(luminance(col) > 0.408 ? Panel.TEXT : Color.WHITE);
          Text.draw(g, annotate.apply(v), af, cellRect.getCenterX(), cellRect.getCenterY(), "center", "center", 0);
        }
      }
    g.setColor(Panel.TEXT);
    for (int i = 0; i < n; i++) {
      Text.draw(g, labels.get(i), tick, x0 - 8, y0 + (i + 0.5) * cell, "right", "center", yLabelRotation);
      Text.draw(g, labels.get(i), tick, x0 + (i + 0.5) * cell, y0 + gridW + 8, "center", "top", xLabelRotation);
    }
    // colour bar
    double cbH = gridW * colorbarShrink;
    double cbX = x0 + gridW + cbGap, cbY = y0 + (gridW - cbH) / 2;
    int steps = 256;
    for (int i = 0; i < steps; i++) {
      double t = 1 - (i + 0.5) / steps;
      g.setColor(Colormaps.coolwarm(t));
      g.fill(new Rectangle2D.Double(cbX, cbY + cbH * i / steps, cbW, cbH / steps + 0.6));
    }
    double step = cbH >= 500 ? 0.25 : 0.5;
    g.setColor(Panel.TEXT);
    g.setStroke(new BasicStroke(1.2f));
    int decimals = step == 0.25 ? 2 : 1;
    for (double v = vmin; v <= vmax + 1e-9; v += step * (vmax - vmin) / 2) {
      double y = cbY + cbH * (vmax - v) / (vmax - vmin);
      g.draw(new Line2D.Double(cbX + cbW, y, cbX + cbW + 5, y));
      Text.draw(g, Ticks.format(v, decimals), cbFont, cbX + cbW + 9, y, "left", "center", 0);
    }
  }

  /** seaborn's relative luminance (sRGB → linear, Rec. 709 weights). */
  static double luminance(Color c) {
    float[] v = c.getRGBColorComponents(null);
    double[] lin = new double[3];
    for (int i = 0; i < 3; i++) lin[i] = v[i] <= 0.03928 ? v[i] / 12.92 : Math.pow((v[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  }
}
