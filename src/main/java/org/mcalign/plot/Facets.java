package org.mcalign.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of {@link Panel}s rendered into one image (seaborn's FacetGrid / catplot layout):
 * equal plot areas, optional shared axes (inner tick labels hidden), titles, figure-level
 * axis labels ({@code supxlabel}/{@code supylabel}) and one legend outside the data (below or
 * right of the grid) or, where the paper had it, inside a corner of the first panel.
 */
public final class Facets {
  /** Where the legend goes. */
  public enum LegendAt { BELOW, RIGHT, INSIDE_UPPER_RIGHT, INSIDE_LOWER_LEFT, INSIDE_CENTER_RIGHT }

  private final int rows, cols;
  private final Panel[][] panels;
  private int width = 640, height = 480;
  private boolean shareX, shareY;
  private String supX, supY;
  private double supFontPx = 24;
  private List<LegendItem> legend = List.of();
  private int legendColumns = 1;
  private LegendAt legendAt = LegendAt.BELOW;
  private double legendFontPx = 15;
  private boolean legendFramed = true;
  private double hspace = 18, wspace = 18;

  private Facets(int rows, int cols) {
    if (rows < 1 || cols < 1) throw new IllegalArgumentException("a grid needs at least one row and column");
    this.rows = rows;
    this.cols = cols;
    this.panels = new Panel[rows][cols];
  }

  public static Facets grid(int rows, int cols) {
    return new Facets(rows, cols);
  }

  /** A single panel. */
  public static Facets of(Panel p) {
    return grid(1, 1).set(0, 0, p);
  }

  /** Logical (paper) size of the whole figure in pixels at 100 dpi. */
  public Facets size(int width, int height) { this.width = width; this.height = height; return this; }
  public Facets set(int row, int col, Panel p) { panels[row][col] = p; return this; }
  public Facets shareX(boolean b) { shareX = b; return this; }
  public Facets shareY(boolean b) { shareY = b; return this; }
  public Facets supXLabel(String s) { supX = s; return this; }
  public Facets supYLabel(String s) { supY = s; return this; }
  public Facets supFont(double px) { supFontPx = px; return this; }
  public Facets spacing(double horizontal, double vertical) { wspace = horizontal; hspace = vertical; return this; }

  public Facets legend(List<LegendItem> items, int columns, LegendAt at, double fontPx, boolean framed) {
    legend = List.copyOf(items); legendColumns = Math.max(1, columns); legendAt = at; legendFontPx = fontPx; legendFramed = framed;
    return this;
  }

  /** Renders at {@code density} pixels per logical pixel. */
  public BufferedImage render(int density) {
    BufferedImage img = new BufferedImage(width * density, height * density, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.scale(density, density);
    paint(g);
    g.dispose();
    return img;
  }

  /** Renders at {@link Figure#DENSITY} and names the figure with the paper's file name. */
  public Figure figure(String fileName) {
    return Figure.of(fileName, render(Figure.DENSITY), Figure.DENSITY);
  }

  private void share() {
    List<Panel> all = new ArrayList<>();
    for (Panel[] row : panels) for (Panel p : row) if (p != null) all.add(p);
    if (shareY) {
      double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
      for (Panel p : all) { double[] r = p.ranges(); lo = Math.min(lo, r[2]); hi = Math.max(hi, r[3]); }
      for (Panel p : all) p.yRange(lo, hi);
      for (int r = 0; r < rows; r++) for (int c = 1; c < cols; c++) if (panels[r][c] != null) { panels[r][c].hideYTickLabels(); panels[r][c].yLabel = null; }
    }
    if (shareX) {
      double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
      for (Panel p : all) { double[] r = p.ranges(); lo = Math.min(lo, r[0]); hi = Math.max(hi, r[1]); }
      for (Panel p : all) if (p.kind != Panel.Kind.CATEGORICAL_X) p.xRange(lo, hi);
      for (int r = 0; r < rows - 1; r++) for (int c = 0; c < cols; c++) if (panels[r][c] != null && panels[r + 1][c] != null) { panels[r][c].hideXTickLabels(); panels[r][c].xLabel = null; }
    }
  }

  private void paint(Graphics2D g) {
    share();
    double left = 6, right = 8, top = 6, bottom = 6;
    Font supFont = Text.font(supFontPx, false);
    if (supY != null) left += Text.height(supFont) + 8;
    if (supX != null) bottom += Text.height(supFont) + 10;
    Font lf = Text.font(legendFontPx, false);
    double[] legendSize = legend.isEmpty() ? new double[] {0, 0} : legendSize(lf);
    if (legendAt == LegendAt.BELOW) bottom += legendSize[1] + 12;
    if (legendAt == LegendAt.RIGHT) right += legendSize[0] + 16;

    for (int r = 0; r < rows; r++) if (panels[r][cols - 1] != null) right = Math.max(right, 8 + panels[r][cols - 1].rightOverhang());
    double[] leftDeco = new double[cols], topDeco = new double[rows], bottomDeco = new double[rows];
    for (int r = 0; r < rows; r++)
      for (int c = 0; c < cols; c++) {
        Panel p = panels[r][c];
        if (p == null) continue;
        topDeco[r] = Math.max(topDeco[r], p.topDecoration());
        bottomDeco[r] = Math.max(bottomDeco[r], p.bottomDecoration());
      }
    double sumTB = 0;
    for (int r = 0; r < rows; r++) sumTB += topDeco[r] + bottomDeco[r];
    double ph = (height - top - bottom - sumTB - (rows - 1) * hspace) / rows;
    // the y tick labels depend on the plot height (matplotlib's tick density)
    for (int r = 0; r < rows; r++)
      for (int c = 0; c < cols; c++)
        if (panels[r][c] != null) leftDeco[c] = Math.max(leftDeco[c], panels[r][c].leftDecoration(ph));
    double sumLeft = 0;
    for (double d : leftDeco) sumLeft += d;
    double pw = (width - left - right - sumLeft - (cols - 1) * wspace) / cols;
    if (pw < 20 || ph < 20)
      throw new IllegalStateException("figure of " + width + "×" + height + " px is too small for its labels (plot area " + (int) pw + "×" + (int) ph + ")");
    double y = top;
    Rectangle2D first = null;
    double gridBottom = 0, gridLeft = Double.MAX_VALUE, gridRight = 0;
    for (int r = 0; r < rows; r++) {
      y += topDeco[r];
      double x = left;
      for (int c = 0; c < cols; c++) {
        x += leftDeco[c];
        Panel p = panels[r][c];
        if (p != null) {
          p.paint(g, x, y, pw, ph);
          if (first == null) first = p.plotArea();
          gridLeft = Math.min(gridLeft, x);
          gridRight = Math.max(gridRight, x + pw);
        }
        x += pw + wspace;
      }
      y += ph + bottomDeco[r];
      gridBottom = y;
      y += hspace;
    }
    g.setColor(Panel.TEXT);
    double centerX = (gridLeft + gridRight) / 2;
    if (supX != null) Text.draw(g, supX, supFont, centerX, gridBottom + 4, "center", "top", 0);
    if (supY != null) Text.draw(g, supY, supFont, 6, (top + gridBottom) / 2, "left", "center", 90);
    if (legend.isEmpty()) return;
    if (first == null && legendAt != LegendAt.BELOW && legendAt != LegendAt.RIGHT)
      throw new IllegalStateException("a legend inside a panel needs at least one panel");
    double lx, ly;
    switch (legendAt) {
      case BELOW -> { lx = centerX - legendSize[0] / 2; ly = gridBottom + (supX != null ? Text.height(supFont) + 14 : 8); }
      case RIGHT -> { lx = width - right + 16; ly = (top + gridBottom) / 2 - legendSize[1] / 2; }
      case INSIDE_UPPER_RIGHT -> { lx = first.getMaxX() - legendSize[0] - 8; ly = first.getY() + 8; }
      case INSIDE_CENTER_RIGHT -> { lx = first.getMaxX() - legendSize[0] - 8; ly = first.getCenterY() - legendSize[1] / 2; }
      default -> { lx = first.getX() + 8; ly = first.getMaxY() - legendSize[1] - 8; }
    }
    // keep the legend inside the figure (matplotlib's tight bounding box would grow instead)
    lx = Math.max(4, Math.min(lx, width - legendSize[0] - 4));
    paintLegend(g, lf, lx, ly, legendSize);
  }

  private int legendRows() {
    return (legend.size() + legendColumns - 1) / legendColumns;
  }

  private double handleWidth(Font f) {
    return f.getSize2D() * 2.0;
  }

  private double[] legendSize(Font f) {
    int nrows = legendRows();
    double rowH = Text.height(f) * 1.25;
    double w = 0;
    for (int c = 0; c < legendColumns; c++) {
      double colW = 0;
      for (int r = 0; r < nrows; r++) {
        int i = c * nrows + r; // matplotlib fills legend columns top to bottom
        if (i < legend.size()) colW = Math.max(colW, handleWidth(f) + f.getSize2D() * 0.8 + Text.width(legend.get(i).label(), f));
      }
      w += colW + (c > 0 ? f.getSize2D() * 2 : 0);
    }
    return new double[] {w + f.getSize2D() * 1.0, nrows * rowH + f.getSize2D() * 0.6};
  }

  private void paintLegend(Graphics2D g, Font f, double x, double y, double[] size) {
    if (legendFramed) {
      RoundRectangle2D box = new RoundRectangle2D.Double(x, y, size[0], size[1], 6, 6);
      g.setColor(new Color(255, 255, 255, 204));
      g.fill(box);
      g.setColor(Panel.GRID);
      g.setStroke(new BasicStroke(1f));
      g.draw(box);
    }
    int nrows = legendRows();
    double rowH = Text.height(f) * 1.25;
    double cx = x + f.getSize2D() * 0.5;
    for (int c = 0; c < legendColumns; c++) {
      double colW = 0;
      for (int r = 0; r < nrows; r++) {
        int i = c * nrows + r;
        if (i >= legend.size()) break;
        LegendItem it = legend.get(i);
        double cy = y + f.getSize2D() * 0.3 + r * rowH + rowH / 2;
        double hw = handleWidth(f);
        g.setColor(it.color());
        switch (it.kind()) {
          case PATCH -> g.fill(new Rectangle2D.Double(cx, cy - f.getSize2D() * 0.35, hw, f.getSize2D() * 0.7));
          case MARKER -> {
            double d = f.getSize2D() * 0.75;
            g.fill(new Ellipse2D.Double(cx + hw / 2 - d / 2, cy - d / 2, d, d));
          }
          case LINE -> {
            g.setStroke(it.dash() == null ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, it.dash(), 0f));
            g.draw(new Line2D.Double(cx, cy, cx + hw, cy));
          }
        }
        g.setColor(Panel.TEXT);
        Text.draw(g, it.label(), f, cx + hw + f.getSize2D() * 0.8, cy, "left", "center", 0);
        colW = Math.max(colW, hw + f.getSize2D() * 0.8 + Text.width(it.label(), f));
      }
      cx += colW + f.getSize2D() * 2;
    }
  }
}
