package org.mcalign.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.mcalign.plot.Panel.Mapping;

/**
 * What a {@link Panel} draws in Java2D on top of XChart's plot area, in data coordinates:
 * grouped bars with whiskers, point ranges, violins, reference lines, text and ribbons.
 */
final class Layers {
  private Layers() {}


  interface Layer {
    void extent(double[] e);

    void paint(Graphics2D g, Mapping m, Panel p);
  }

  /** seaborn's bar geometry: 0.8 of a category shared by the hues. */
  static final double GROUP_WIDTH = 0.8;

  /** Position of hue h in a dodged group: left to right, or top to bottom when horizontal. */
  static double dodge(double pos, double w, int h, boolean horizontal) {
    double offset = -GROUP_WIDTH / 2 + w * (h + 0.5);
    return horizontal ? pos - offset : pos + offset;
  }

  static final class Bars implements Layer {
    final double[][] mean, lo, hi;
    final List<Color> colors;
    final boolean horizontal;

    Bars(double[][] mean, double[][] lo, double[][] hi, List<Color> colors, boolean horizontal) {
      this.mean = mean; this.lo = lo; this.hi = hi; this.colors = colors; this.horizontal = horizontal;
    }

    @Override
    public void extent(double[] e) {
      for (int c = 0; c < mean.length; c++)
        for (int h = 0; h < mean[c].length; h++) {
          if (Double.isNaN(mean[c][h])) continue;
          double v0 = 0, v1 = mean[c][h];
          double a = Math.min(v0, v1), b = Math.max(v0, v1);
          if (lo != null && !Double.isNaN(lo[c][h])) { a = Math.min(a, lo[c][h]); b = Math.max(b, hi[c][h]); }
          if (horizontal) { Panel.include(e, a, Double.NaN); Panel.include(e, b, Double.NaN); }
          else { Panel.include(e, Double.NaN, a); Panel.include(e, Double.NaN, b); }
        }
    }

    @Override
    public void paint(Graphics2D g, Mapping m, Panel p) {
      int n = mean.length;
      for (int c = 0; c < n; c++) {
        int hues = mean[c].length;
        double w = GROUP_WIDTH / hues;
        double pos = horizontal ? n - 1 - c : c;
        for (int h = 0; h < hues; h++) {
          double v = mean[c][h];
          if (Double.isNaN(v)) continue;
          double center = dodge(pos, w, h, horizontal);
          Rectangle2D r;
          if (horizontal) {
            double ya = m.y(center + w / 2), yb = m.y(center - w / 2);
            double xa = m.x(Math.min(0, v)), xb = m.x(Math.max(0, v));
            r = new Rectangle2D.Double(xa, ya, xb - xa, yb - ya);
          } else {
            double xa = m.x(center - w / 2), xb = m.x(center + w / 2);
            double ya = m.y(Math.max(0, v)), yb = m.y(Math.min(0, v));
            r = new Rectangle2D.Double(xa, ya, xb - xa, yb - ya);
          }
          g.setColor(colors.get(h));
          g.fill(r);
          g.setColor(Color.WHITE);
          g.setStroke(new BasicStroke(1.2f));
          g.draw(r);
        }
      }
      g.setColor(Palette.WHISKER);
      g.setStroke(new BasicStroke(3.1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
      if (lo == null) return;
      for (int c = 0; c < n; c++) {
        int hues = mean[c].length;
        double w = GROUP_WIDTH / hues;
        double pos = horizontal ? n - 1 - c : c;
        for (int h = 0; h < hues; h++) {
          if (Double.isNaN(mean[c][h]) || Double.isNaN(lo[c][h]) || Double.isNaN(hi[c][h])) continue;
          double center = dodge(pos, w, h, horizontal);
          if (horizontal) g.draw(new Line2D.Double(m.x(lo[c][h]), m.y(center), m.x(hi[c][h]), m.y(center)));
          else g.draw(new Line2D.Double(m.x(center), m.y(lo[c][h]), m.x(center), m.y(hi[c][h])));
        }
      }
    }
  }

  static final class PointRanges implements Layer {
    final double[][] est, lo, hi;
    final List<Color> colors;
    final boolean horizontal;

    PointRanges(double[][] est, double[][] lo, double[][] hi, List<Color> colors, boolean horizontal) {
      this.est = est; this.lo = lo; this.hi = hi; this.colors = colors; this.horizontal = horizontal;
    }

    @Override
    public void extent(double[] e) {
      for (int c = 0; c < est.length; c++)
        for (int h = 0; h < est[c].length; h++)
          for (double v : new double[] {est[c][h], lo == null ? Double.NaN : lo[c][h], hi == null ? Double.NaN : hi[c][h]}) {
            if (Double.isNaN(v)) continue;
            if (horizontal) Panel.include(e, v, Double.NaN); else Panel.include(e, Double.NaN, v);
          }
    }

    @Override
    public void paint(Graphics2D g, Mapping m, Panel p) {
      int n = est.length;
      for (int c = 0; c < n; c++) {
        int hues = est[c].length;
        double w = GROUP_WIDTH / hues;
        double pos = horizontal ? n - 1 - c : c;
        for (int h = 0; h < hues; h++) {
          if (Double.isNaN(est[c][h])) continue;
          double center = dodge(pos, w, h, horizontal);
          g.setColor(colors.get(h));
          g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
          double px, py;
          if (horizontal) {
            py = m.y(center);
            px = m.x(est[c][h]);
            if (lo != null && !Double.isNaN(lo[c][h])) g.draw(new Line2D.Double(m.x(lo[c][h]), py, m.x(hi[c][h]), py));
          } else {
            px = m.x(center);
            py = m.y(est[c][h]);
            if (lo != null && !Double.isNaN(lo[c][h])) g.draw(new Line2D.Double(px, m.y(lo[c][h]), px, m.y(hi[c][h])));
          }
          double r = 4.5;
          g.fill(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
        }
      }
    }
  }

  record VLine(double x, Color color, float width, float[] dash) implements Layer {
    @Override
    public void extent(double[] e) {
      Panel.include(e, x, Double.NaN);
    }

    @Override
    public void paint(Graphics2D g, Mapping m, Panel p) {
      g.setColor(color);
      g.setStroke(dash == null ? new BasicStroke(width) : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
      Rectangle2D b = g.getClipBounds();
      g.draw(new Line2D.Double(m.x(x), b.getY(), m.x(x), b.getMaxY()));
    }
  }

  /** One violin: density {@code halfWidth[i]} (data units) at {@code grid[i]}, and the box of its data. */
  record Violin(int category, double[] grid, double[] halfWidth, double q1, double median, double q3, double whiskerLo, double whiskerHi) {}

  static final class Violins implements Layer {
    final List<Violin> violins;
    final Color fill;

    Violins(List<Violin> violins, Color fill) { this.violins = violins; this.fill = fill; }

    @Override
    public void extent(double[] e) {
      for (Violin v : violins) {
        Panel.include(e, Double.NaN, v.grid()[0]);
        Panel.include(e, Double.NaN, v.grid()[v.grid().length - 1]);
      }
    }

    @Override
    public void paint(Graphics2D g, Mapping m, Panel p) {
      for (Violin v : violins) {
        Path2D.Double path = new Path2D.Double();
        double[] y = v.grid(), hw = v.halfWidth();
        int c = v.category();
        path.moveTo(m.x(c - hw[0]), m.y(y[0]));
        for (int i = 1; i < y.length; i++) path.lineTo(m.x(c - hw[i]), m.y(y[i]));
        for (int i = y.length - 1; i >= 0; i--) path.lineTo(m.x(c + hw[i]), m.y(y[i]));
        path.closePath();
        g.setColor(fill);
        g.fill(path);
        g.setColor(Panel.TEXT);
        g.setStroke(new BasicStroke(1.1f));
        g.draw(path);
        // seaborn's inner "box": thin whisker line, thick quartile bar, white median dot
        double cx = m.x(c);
        g.setColor(new Color(0x3F, 0x3F, 0x3F));
        g.setStroke(new BasicStroke(1.4f));
        g.draw(new Line2D.Double(cx, m.y(v.whiskerLo()), cx, m.y(v.whiskerHi())));
        g.setStroke(new BasicStroke(5.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(new Line2D.Double(cx, m.y(v.q1()), cx, m.y(v.q3())));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(cx - 2.2, m.y(v.median()) - 2.2, 4.4, 4.4));
      }
    }
  }

  record HLine(double y, Color color, float width, float[] dash) implements Layer {
    @Override
    public void extent(double[] e) {
      Panel.include(e, Double.NaN, y);
    }

    @Override
    public void paint(Graphics2D g, Mapping m, Panel p) {
      g.setColor(color);
      g.setStroke(dash == null ? new BasicStroke(width) : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
      Rectangle2D b = g.getClipBounds();
      g.draw(new Line2D.Double(b.getX(), m.y(y), b.getMaxX(), m.y(y)));
    }
  }

  record Label(double x, double y, String text, double px, Color color, String ha, String va) implements Layer {
    @Override
    public void extent(double[] e) {}

    @Override
    public void paint(Graphics2D g, Mapping m, Panel p) {
      g.setColor(color);
      Text.draw(g, text, Text.font(px, false), m.x(x), m.y(y), ha, va, 0);
    }
  }

  record Ribbon(double[] x, double[] lo, double[] hi, Color color, float alpha) implements Layer {
    @Override
    public void extent(double[] e) {
      for (int i = 0; i < x.length; i++) { Panel.include(e, x[i], lo[i]); Panel.include(e, x[i], hi[i]); }
    }

    @Override
    public void paint(Graphics2D g, Mapping m, Panel p) {
      Path2D.Double path = new Path2D.Double();
      path.moveTo(m.x(x[0]), m.y(hi[0]));
      for (int i = 1; i < x.length; i++) path.lineTo(m.x(x[i]), m.y(hi[i]));
      for (int i = x.length - 1; i >= 0; i--) path.lineTo(m.x(x[i]), m.y(lo[i]));
      path.closePath();
      g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), Math.round(alpha * 255)));
      g.fill(path);
    }
  }

  /**
   * A 2-D histogram of points: the data extent cut into {@code xBins} × {@code yBins} cells,
   * each non-empty cell filled with {@code color} at an opacity that grows with the log of its
   * count (a cell of one point is faint, the fullest cell opaque), so dense regions read as
   * darker instead of merging into one black mass as overplotted markers do.
   */
  record Density2D(double[] x, double[] y, Color color, int xBins, int yBins) implements Layer {
    @Override
    public void extent(double[] e) {
      for (int i = 0; i < x.length; i++) Panel.include(e, x[i], y[i]);
    }

    /** Counts per cell, {xmin, xmax, ymin, ymax} of the binned extent first. */
    int[][] counts(double[] ext) {
      double[] e = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
      extent(e);
      if (e[1] == e[0]) { e[0] -= 0.5; e[1] += 0.5; }
      if (e[3] == e[2]) { e[2] -= 0.5; e[3] += 0.5; }
      System.arraycopy(e, 0, ext, 0, 4);
      int[][] c = new int[xBins][yBins];
      for (int i = 0; i < x.length; i++) {
        int bx = Math.min(xBins - 1, (int) ((x[i] - e[0]) / (e[1] - e[0]) * xBins));
        int by = Math.min(yBins - 1, (int) ((y[i] - e[2]) / (e[3] - e[2]) * yBins));
        c[bx][by]++;
      }
      return c;
    }

    @Override
    public void paint(Graphics2D g, Mapping m, Panel p) {
      double[] e = new double[4];
      int[][] c = counts(e);
      int max = 1;
      for (int[] col : c) for (int v : col) max = Math.max(max, v);
      double dx = (e[1] - e[0]) / xBins, dy = (e[3] - e[2]) / yBins, logMax = Math.log1p(max);
      // cells meet edge to edge: without anti-aliasing, so that no seam or overlap shows as a grid
      Object aa = g.getRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING);
      g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_OFF);
      for (int bx = 0; bx < xBins; bx++)
        for (int by = 0; by < yBins; by++) {
          if (c[bx][by] == 0) continue;
          double a = 0.15 + 0.85 * Math.log1p(c[bx][by]) / logMax;
          g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), (int) Math.round(255 * Math.min(1, a))));
          double x0 = m.x(e[0] + bx * dx), x1 = m.x(e[0] + (bx + 1) * dx);
          double y0 = m.y(e[2] + (by + 1) * dy), y1 = m.y(e[2] + by * dy);
          g.fill(new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)));
        }
      if (aa != null) g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, aa);
    }
  }

  /** A line through points in data coordinates, drawn over the other layers (a smoother over a density). */
  record Polyline(double[] x, double[] y, Color color, float width) implements Layer {
    @Override
    public void extent(double[] e) {
      for (int i = 0; i < x.length; i++) Panel.include(e, x[i], y[i]);
    }

    @Override
    public void paint(Graphics2D g, Mapping m, Panel p) {
      if (x.length < 2) return;
      Path2D.Double path = new Path2D.Double();
      path.moveTo(m.x(x[0]), m.y(y[0]));
      for (int i = 1; i < x.length; i++) path.lineTo(m.x(x[i]), m.y(y[i]));
      g.setColor(color);
      g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(path);
    }
  }
}
