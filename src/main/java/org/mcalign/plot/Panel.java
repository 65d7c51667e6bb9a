package org.mcalign.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One axes of a figure: an XChart {@link XYChart} (axes, ticks, grid, scatter and line series)
 * plus Java2D layers drawn in data coordinates where XChart has no such chart (grouped bars with
 * asymmetric whiskers, violins, reference lines, text such as significance stars, ribbons).
 * Categorical axes put category i at x = i (or y = i for horizontal bars); their labels, the
 * axis labels and the spines are drawn here so that {@link Facets} can align panels.
 *
 * <p>All sizes are logical pixels (matplotlib's 100 dpi); {@link Facets} renders at 2× density.
 */
public final class Panel {
  /** Axis styles of the paper's figures. */
  public enum Style {
    /** seaborn "whitegrid": light grey grid and frame. */
    WHITEGRID,
    /** seaborn "whitegrid" after {@code despine()} (catplot, relplot): left and bottom spines only. */
    WHITEGRID_DESPINE,
    /** seaborn "white" after despine: no grid, dark left and bottom spines. */
    WHITE_DESPINE,
    /** R graphics (base and lattice): black box, outward tick marks, no grid. */
    R_BOX
  }

  enum Kind { CATEGORICAL_X, CATEGORICAL_Y, CONTINUOUS }

  final Kind kind;
  final List<String> categories;
  Style style = Style.WHITEGRID;
  String title;
  String xLabel;
  String yLabel;
  Double xMin, xMax, yMin, yMax;
  double fontPx = 15;
  double titleFontPx = 17;
  double labelFontPx = 17;
  double categoryFontPx = -1;
  double categoryRotation = 0;
  boolean showYTickLabels = true;
  boolean showXTickLabels = true;
  boolean showCategoryLabels = true;
  double margin = 0.05;
  double yTickRotation = 0;
  final List<Layers.Layer> layers = new ArrayList<>();
  final List<Series> series = new ArrayList<>();
  // filled while painting: screen position of each category, for the labels outside XChart
  private double[] categoryScreen;
  private Rectangle2D plotArea;

  private Panel(Kind kind, List<String> categories) {
    this.kind = kind;
    this.categories = categories;
  }

  /** A panel whose x axis shows {@code categories} left to right. */
  public static Panel categoricalX(List<String> categories) {
    return new Panel(Kind.CATEGORICAL_X, List.copyOf(categories));
  }

  /** A panel whose y axis shows {@code categories} top to bottom (horizontal bars). */
  public static Panel categoricalY(List<String> categories) {
    return new Panel(Kind.CATEGORICAL_Y, List.copyOf(categories));
  }

  public static Panel continuous() {
    return new Panel(Kind.CONTINUOUS, List.of());
  }

  public Panel style(Style s) { this.style = s; return this; }
  public Panel title(String t) { this.title = t; return this; }
  public Panel xLabel(String t) { this.xLabel = t; return this; }
  public Panel yLabel(String t) { this.yLabel = t; return this; }
  public Panel xRange(double min, double max) { xMin = min; xMax = max; return this; }
  public Panel yRange(double min, double max) { yMin = min; yMax = max; return this; }

  /** Tick label, axis label and title sizes in logical pixels. */
  public Panel fonts(double tickPx, double labelPx, double titlePx) {
    fontPx = tickPx; labelFontPx = labelPx; titleFontPx = titlePx; return this;
  }

  /** Category label size (defaults to the tick size) and rotation in degrees. */
  public Panel categoryLabels(double px, double rotationDegrees) {
    categoryFontPx = px; categoryRotation = rotationDegrees; return this;
  }

  /** Data margin on each side as a fraction of the range (matplotlib 0.05, R base 0.04, lattice 0.07). */
  public Panel margin(double fraction) { margin = fraction; return this; }

  /** Rotation of the y tick labels (R base graphics prints them parallel to the axis: 90). */
  public Panel yTickRotation(double degrees) { yTickRotation = degrees; return this; }

  public Panel hideYTickLabels() { showYTickLabels = false; return this; }
  public Panel hideXTickLabels() { showXTickLabels = false; showCategoryLabels = false; return this; }

  // ---------------------------------------------------------------- layers

  /**
   * Grouped bars: {@code mean[c][h]} is the bar of category c and hue h (NaN: no bar, the slot
   * stays empty as in seaborn), {@code lo/hi} its whisker (null or NaN: none). seaborn's
   * geometry: the group takes 0.8 of a category, each hue an equal share, white bar edges.
   */
  public Panel bars(double[][] mean, double[][] lo, double[][] hi, List<Color> hueColors) {
    layers.add(new Layers.Bars(mean, lo, hi, hueColors, kind == Kind.CATEGORICAL_Y));
    return this;
  }

  /**
   * Point-range marks (coefficient plots): a dot at {@code estimate[c][h]} with a line from
   * {@code lo} to {@code hi}, hues dodged inside the category like grouped bars. Along y for
   * {@link #categoricalX}, along x for {@link #categoricalY} (forest plots).
   */
  public Panel pointRanges(double[][] estimate, double[][] lo, double[][] hi, List<Color> hueColors) {
    layers.add(new Layers.PointRanges(estimate, lo, hi, hueColors, kind == Kind.CATEGORICAL_Y));
    return this;
  }

  /** A vertical reference line across the plot (matplotlib {@code axvline}), e.g. at 0 in a forest plot. */
  public Panel vline(double x, Color color, float width, float[] dash) {
    layers.add(new Layers.VLine(x, color, width, dash));
    return this;
  }

  /** Violins at categories: density curves over {@code grid} with half-widths already scaled to data units. */
  Panel violins(List<Layers.Violin> violins, Color fill) {
    layers.add(new Layers.Violins(violins, fill));
    return this;
  }

  /** Scatter series drawn by XChart: filled circles with a thin white edge (seaborn) or open circles (R). */
  public Panel scatter(String name, double[] x, double[] y, Color color, double sizePx, boolean open) {
    series.add(new Series(name, x, y, color, sizePx, open ? Mark.OPEN : Mark.FILLED, null));
    return this;
  }

  /** A line through (x, y) drawn by XChart; {@code dash} null for solid, e.g. {4, 2} for dashed. */
  public Panel line(String name, double[] x, double[] y, Color color, float width, float[] dash) {
    series.add(new Series(name, x, y, color, width, Mark.NONE, dash));
    return this;
  }

  /** A horizontal reference line across the plot (matplotlib {@code axhline}). */
  public Panel hline(double y, Color color, float width, float[] dash) {
    layers.add(new Layers.HLine(y, color, width, dash));
    return this;
  }

  /** Text at data coordinates, anchored (ha, va). */
  public Panel text(double x, double y, String text, double px, Color color, String ha, String va) {
    layers.add(new Layers.Label(x, y, text, px, color, ha, va));
    return this;
  }

  /** Points as a 2-D histogram shaded by count ({@link Layers.Density2D}): for thousands of points. */
  public Panel density(double[] x, double[] y, Color color, int xBins, int yBins) {
    layers.add(new Layers.Density2D(x, y, color, xBins, yBins));
    return this;
  }

  /** A line drawn as a layer, so it lies on top of densities and bars added before it. */
  public Panel overlayLine(double[] x, double[] y, Color color, float width) {
    layers.add(new Layers.Polyline(x, y, color, width));
    return this;
  }

  /** A filled band between lo and hi along x (line/ribbon plots). */
  public Panel ribbon(double[] x, double[] lo, double[] hi, Color color, float alpha) {
    layers.add(new Layers.Ribbon(x, lo, hi, color, alpha));
    return this;
  }

  // ---------------------------------------------------------------- data range

  /** {xmin, xmax, ymin, ymax} of everything drawn, before margins. */
  double[] dataExtent() {
    double[] e = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (Series s : series)
      for (int i = 0; i < s.x.length; i++) include(e, s.x[i], s.y[i]);
    for (Layers.Layer l : layers) l.extent(e);
    return e;
  }

  static void include(double[] e, double x, double y) {
    if (!Double.isNaN(x)) { e[0] = Math.min(e[0], x); e[1] = Math.max(e[1], x); }
    if (!Double.isNaN(y)) { e[2] = Math.min(e[2], y); e[3] = Math.max(e[3], y); }
  }

  /** True when bars start at zero: matplotlib then keeps 0 as a hard ("sticky") axis end. */
  boolean hasBars() {
    return layers.stream().anyMatch(l -> l instanceof Layers.Bars);
  }

  /** The value-axis range with matplotlib's 5 % margins (sticky at 0 for bars). */
  static double[] withMargins(double min, double max, boolean stickyZero, double margin) {
    if (!(min <= max)) return new double[] {0, 1};
    if (min == max) { min -= 0.5; max += 0.5; }
    double pad = margin * (max - min);
    double lo = min - pad, hi = max + pad;
    if (stickyZero) {
      if (min >= 0 && lo < 0) lo = 0;
      if (max <= 0 && hi > 0) hi = 0;
    }
    return new double[] {lo, hi};
  }

  /** Resolves the final axis ranges (explicit ones win). */
  double[] ranges() {
    double[] e = dataExtent();
    double x0, x1, y0, y1;
    if (kind == Kind.CATEGORICAL_X) { x0 = -0.5; x1 = categories.size() - 0.5; }
    else {
      double[] m = withMargins(e[0], e[1], kind == Kind.CATEGORICAL_Y && hasBars(), margin);
      x0 = m[0]; x1 = m[1];
    }
    if (kind == Kind.CATEGORICAL_Y) { y0 = -0.5; y1 = categories.size() - 0.5; }
    else {
      double[] m = withMargins(e[2], e[3], kind == Kind.CATEGORICAL_X && hasBars(), margin);
      y0 = m[0]; y1 = m[1];
    }
    return new double[] {
      xMin != null ? xMin : x0, xMax != null ? xMax : x1, yMin != null ? yMin : y0, yMax != null ? yMax : y1
    };
  }

  // ---------------------------------------------------------------- layout

  Font tickFont() { return Text.font(fontPx, false); }
  Font categoryFont() { return Text.font(categoryFontPx > 0 ? categoryFontPx : fontPx, false); }
  Font labelFont() { return Text.font(labelFontPx, false); }

  /** Width left of the plot area (y label, category or tick labels) for a plot area {@code ph} high. */
  double leftDecoration(double ph) {
    double w = 4;
    if (yLabel != null) w += Text.height(labelFont()) + 6;
    if (kind == Kind.CATEGORICAL_Y) {
      if (showCategoryLabels) w += categories.stream().mapToDouble(c -> Text.box(c, categoryFont(), categoryRotation)[0]).max().orElse(0) + 6;
    } else if (showYTickLabels) {
      w += yTickLabelWidth(ph);
    }
    return w;
  }

  /** Height below the plot area: category or tick labels, x label. */
  double bottomDecoration() {
    double h = 4;
    if (kind == Kind.CATEGORICAL_X) {
      if (showCategoryLabels) h += categories.stream().mapToDouble(c -> Text.box(c, categoryFont(), categoryRotation)[1]).max().orElse(0) + 6;
    } else if (showXTickLabels) {
      h += Text.height(tickFont()) + 8;
    }
    if (xLabel != null) h += Text.height(labelFont()) + 4;
    return h;
  }

  double topDecoration() {
    // the top y tick label is centred on the plot's top edge: leave room for its upper half
    double tickOverhang = kind != Kind.CATEGORICAL_Y && showYTickLabels ? Text.height(tickFont()) / 2 + 2 : 4;
    return title == null ? tickOverhang : Math.max(tickOverhang, Text.height(Text.font(titleFontPx, false)) + 8);
  }

  /** Room right of the plot for the right half of the last x tick label. */
  double rightOverhang() {
    if (kind == Kind.CATEGORICAL_X || !showXTickLabels) return 0;
    double[] r = ranges();
    return Text.width(Ticks.format(r[1], 2), tickFont()) / 2;
  }

  double[] yTicks(double ph) {
    double[] r = ranges();
    return Ticks.of(r[2], r[3], Ticks.bins(ph, fontPx, false));
  }

  double[] xTicks(double pw) {
    double[] r = ranges();
    return Ticks.of(r[0], r[1], Ticks.bins(pw, fontPx, true));
  }

  /** Width of the y tick labels for a plot area {@code ph} high, with their padding. */
  private double yTickLabelWidth(double ph) {
    double[] ticks = yTicks(ph);
    int d = Ticks.decimals(ticks);
    double maxW = 0;
    for (double v : ticks) maxW = Math.max(maxW, Text.box(Ticks.format(v, d), tickFont(), yTickRotation)[0]);
    return maxW + TICK_PAD + (style == Style.R_BOX ? 5 : 0);
  }

  static final double TICK_PAD = 9;

  // ---------------------------------------------------------------- painting

  /**
   * Paints the panel so that its plot area is exactly (px, py, pw, ph); decorations go
   * around it (left/bottom/top as measured by the *Decoration methods).
   */
  void paint(Graphics2D g, double px, double py, double pw, double ph) {
    double[] r = ranges();
    int cw = (int) Math.round(pw), chh = (int) Math.round(ph);
    XYChart chart = chart(cw, chh, r);
    Overlay overlay = new Overlay();
    chart.addAnnotation(overlay);
    // first pass on a scratch canvas: where XChart puts the plot area
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    Graphics2D sg = scratch.createGraphics();
    chart.paint(sg, cw, chh);
    sg.dispose();
    Rectangle2D a0 = overlay.area;
    Rectangle2D a = new Rectangle2D.Double(a0.getX() + px, a0.getY() + py, a0.getWidth(), a0.getHeight());
    plotArea = a;
    double[] xt = kind == Kind.CATEGORICAL_X ? new double[0] : xTicks(a.getWidth());
    double[] yt = kind == Kind.CATEGORICAL_Y ? new double[0] : yTicks(a.getHeight());
    // background and grid below the data, as matplotlib's axisbelow
    g.setColor(Color.WHITE);
    g.fill(a);
    boolean grid = style == Style.WHITEGRID || style == Style.WHITEGRID_DESPINE;
    if (grid) {
      g.setColor(GRID);
      g.setStroke(new BasicStroke(1.1f));
      for (double v : xt) g.draw(new Line2D.Double(sx(a, r, v), a.getY(), sx(a, r, v), a.getMaxY()));
      for (double v : yt) g.draw(new Line2D.Double(a.getX(), sy(a, r, v), a.getMaxX(), sy(a, r, v)));
    }
    Graphics2D cg = (Graphics2D) g.create();
    cg.translate(px, py);
    chart.paint(cg, cw, chh);
    cg.dispose();
    paintTicks(g, a, r, xt, yt);
    paintOutside(g, px, py, pw, ph, yt);
  }

  static double sx(Rectangle2D a, double[] r, double v) {
    return a.getX() + (v - r[0]) / (r[1] - r[0]) * a.getWidth();
  }

  static double sy(Rectangle2D a, double[] r, double v) {
    return a.getMaxY() - (v - r[2]) / (r[3] - r[2]) * a.getHeight();
  }

  private void paintTicks(Graphics2D g, Rectangle2D a, double[] r, double[] xt, double[] yt) {
    Font f = tickFont();
    boolean marks = style == Style.R_BOX;
    double len = marks ? 5 : 0;
    g.setStroke(new BasicStroke(1f));
    if (showXTickLabels && xt.length > 0) {
      int d = Ticks.decimals(xt);
      for (double v : xt) {
        double x = sx(a, r, v);
        if (marks) { g.setColor(Color.BLACK); g.draw(new Line2D.Double(x, a.getMaxY(), x, a.getMaxY() + len)); }
        g.setColor(TEXT);
        Text.draw(g, Ticks.format(v, d), f, x, a.getMaxY() + len + 5, "center", "top", 0);
      }
    }
    if (showYTickLabels && yt.length > 0) {
      int d = Ticks.decimals(yt);
      for (double v : yt) {
        double y = sy(a, r, v);
        if (marks) { g.setColor(Color.BLACK); g.draw(new Line2D.Double(a.getX() - len, y, a.getX(), y)); }
        g.setColor(TEXT);
        Text.draw(g, Ticks.format(v, d), f, a.getX() - len - 6, y, "right", "center", yTickRotation);
      }
    }
  }

  Rectangle2D plotArea() {
    return plotArea;
  }

  private void paintOutside(Graphics2D g, double px, double py, double pw, double ph, double[] yt) {
    Rectangle2D a = plotArea;
    g.setColor(TEXT);
    if (title != null)
      Text.draw(g, title, Text.font(titleFontPx, false), a.getCenterX(), a.getY() - 6, "center", "bottom", 0);
    double below = a.getMaxY() + 4;
    if (kind == Kind.CATEGORICAL_X && showCategoryLabels) {
      double maxH = 0;
      for (int i = 0; i < categories.size(); i++) {
        Text.draw(g, categories.get(i), categoryFont(), a.getX() + categoryScreen[i], below + 2, "center", "top", categoryRotation);
        maxH = Math.max(maxH, Text.box(categories.get(i), categoryFont(), categoryRotation)[1]);
      }
      below += maxH + 6;
    } else if (kind != Kind.CATEGORICAL_X && showXTickLabels) {
      below += Text.height(tickFont()) + (style == Style.R_BOX ? 10 : 6);
    }
    if (xLabel != null) Text.draw(g, xLabel, labelFont(), a.getCenterX(), below + 2, "center", "top", 0);
    double left = a.getX() - 4;
    if (kind == Kind.CATEGORICAL_Y && showCategoryLabels) {
      double maxW = 0;
      for (int i = 0; i < categories.size(); i++) {
        Text.draw(g, categories.get(i), categoryFont(), left - 2, a.getY() + categoryScreen[i], "right", "center", categoryRotation);
        maxW = Math.max(maxW, Text.box(categories.get(i), categoryFont(), categoryRotation)[0]);
      }
      left -= maxW + 6;
    } else if (kind != Kind.CATEGORICAL_Y && showYTickLabels) {
      int d = Ticks.decimals(yt);
      double maxW = 0;
      for (double v : yt) maxW = Math.max(maxW, Text.box(Ticks.format(v, d), tickFont(), yTickRotation)[0]);
      left = a.getX() - maxW - TICK_PAD - (style == Style.R_BOX ? 5 : 0);
    }
    if (yLabel != null) Text.draw(g, yLabel, labelFont(), left - 4, a.getCenterY(), "right", "center", 90);
  }

  static final Color TEXT = new Color(0x26, 0x26, 0x26);
  static final Color GRID = new Color(0xCC, 0xCC, 0xCC);

  private XYChart chart(int w, int h, double[] r) {
    XYChart c = new XYChart(w, h);
    XYStyler s = c.getStyler();
    s.setChartBackgroundColor(new Color(0, 0, 0, 0));
    s.setPlotBackgroundColor(new Color(0, 0, 0, 0));
    s.setLegendVisible(false);
    s.setChartTitleVisible(false);
    s.setXAxisTitleVisible(false);
    s.setYAxisTitleVisible(false);
    s.setChartPadding(0);
    s.setPlotMargin(0);
    s.setPlotContentSize(1.0);
    s.setPlotBorderVisible(false);
    s.setAxisTicksLineVisible(false);
    s.setAxisTicksMarksVisible(false);
    s.setAxisTickMarkLength(0);
    s.setPlotTicksMarksVisible(false);
    s.setPlotGridLinesVisible(false);
    // ticks, tick labels and grid are drawn by the panel (matplotlib's tick choice)
    s.setXAxisTicksVisible(false);
    s.setYAxisTicksVisible(false);
    s.setXAxisMin(r[0]);
    s.setXAxisMax(r[1]);
    s.setYAxisMin(r[2]);
    s.setYAxisMax(r[3]);
    XYSeries range = c.addSeries("_range", new double[] {r[0], r[1]}, new double[] {r[2], r[3]});
    range.setMarker(SeriesMarkers.NONE);
    range.setLineStyle(new BasicStroke(0f));
    range.setLineColor(new Color(0, 0, 0, 0));
    range.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    range.setShowInLegend(false);
    int k = 0;
    for (Series sr : series) {
      XYSeries xs = c.addSeries("s" + (k++) + "_" + sr.name, sr.x, sr.y);
      xs.setShowInLegend(false);
      if (sr.mark == Mark.NONE) {
        xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        xs.setMarker(SeriesMarkers.NONE);
        xs.setLineColor(sr.color);
        xs.setLineStyle(sr.dash == null
            ? new BasicStroke((float) sr.size, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
            : new BasicStroke((float) sr.size, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, sr.dash, 0f));
      } else {
        xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        xs.setMarker(sr.mark == Mark.OPEN ? new OpenCircle() : new EdgedCircle());
        xs.setMarkerColor(sr.color);
      }
    }
    s.setMarkerSize((int) Math.round(series.stream().filter(x -> x.mark != Mark.NONE).mapToDouble(x -> x.size).max().orElse(6)));
    return c;
  }

  // ---------------------------------------------------------------- overlay

  /** Paints the Java2D layers inside XChart's paint, where the data-to-screen mapping is known. */
  private final class Overlay extends Annotation {
    Rectangle2D area = new Rectangle2D.Double();

    Overlay() {
      super(false);
    }

    @Override
    public void paint(Graphics2D g) {
      double xa = getXAxisScreenValueForMin(), xb = getXAxisScreenValueForMax();
      double ya = getYAxisScreenValueForMax(), yb = getYAxisScreenValueForMin();
      double x0 = Math.min(xa, xb), x1 = Math.max(xa, xb), y0 = Math.min(ya, yb), y1 = Math.max(ya, yb);
      area = new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
      Mapping m = new Mapping(this);
      if (kind == Kind.CATEGORICAL_X) {
        categoryScreen = new double[categories.size()];
        for (int i = 0; i < categories.size(); i++) categoryScreen[i] = m.x(i) - x0;
      } else if (kind == Kind.CATEGORICAL_Y) {
        categoryScreen = new double[categories.size()];
        for (int i = 0; i < categories.size(); i++) categoryScreen[i] = m.y(categories.size() - 1 - i) - y0;
      }
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      Shape clip = g.getClip();
      g.clip(new Rectangle2D.Double(x0 - 1, y0 - 1, x1 - x0 + 2, y1 - y0 + 2));
      for (Layers.Layer l : layers) l.paint(g, m, Panel.this);
      g.setClip(clip);
      paintSpines(g, area);
    }

    double sx(double v) { return getXAxisScreenValue(v); }
    double sy(double v) { return getYAxisScreenValue(v); }

    @Override
    public Rectangle2D getBounds() {
      return area;
    }
  }

  private void paintSpines(Graphics2D g, Rectangle2D a) {
    switch (style) {
      case WHITEGRID -> {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(a);
      }
      case WHITEGRID_DESPINE -> {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(a.getX(), a.getY(), a.getX(), a.getMaxY()));
        g.draw(new Line2D.Double(a.getX(), a.getMaxY(), a.getMaxX(), a.getMaxY()));
      }
      case WHITE_DESPINE -> {
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(1.3f));
        g.draw(new Line2D.Double(a.getX(), a.getY(), a.getX(), a.getMaxY()));
        g.draw(new Line2D.Double(a.getX(), a.getMaxY(), a.getMaxX(), a.getMaxY()));
      }
      case R_BOX -> {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(a);
      }
    }
  }

  /** Data → screen (chart-local pixels). XChart rounds to whole pixels of the 2× canvas. */
  static final class Mapping {
    private final Overlay o;

    Mapping(Overlay o) { this.o = o; }

    double x(double v) { return o.sx(v); }
    double y(double v) { return o.sy(v); }
    double xScale() { return o.sx(1) - o.sx(0); }
    double yScale() { return o.sy(0) - o.sy(1); }
  }

  enum Mark { FILLED, OPEN, NONE }

  record Series(String name, double[] x, double[] y, Color color, double size, Mark mark, float[] dash) {}

  /** seaborn scatter marker: filled circle with a thin white edge. */
  static final class EdgedCircle extends Marker {
    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
      Ellipse2D e = new Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size);
      Color fill = g.getColor();
      g.fill(e);
      g.setStroke(new BasicStroke(0.6f));
      g.setColor(Color.WHITE);
      g.draw(e);
      g.setColor(fill);
    }
  }

  /** R's default plotting symbol (pch 1): an open circle. */
  static final class OpenCircle extends Marker {
    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
      g.setStroke(new BasicStroke(1f));
      g.draw(new Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size));
    }
  }
}
