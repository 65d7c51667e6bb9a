package org.mcalign.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.mcalign.data.Study;

/**
 * seaborn's {@code catplot(kind="bar")} for the exploratory figures: per panel (facet column,
 * optionally facet row or wrapped columns) grouped bars of the mean value per (x, hue) with a
 * whisker from an {@link Interval} (by default seaborn's: bootstrap 95 % CI of the mean, 1,000
 * resamples, seed 0). Each panel shows its own x categories (seaborn's {@code sharex=False}),
 * y is shared. Models as hue or x keep the study's order and colours; other hues get seaborn's
 * "deep" palette.
 *
 * <pre>{@code
 * Figure f = CatPlot.of("monocultural_alignment.png", country, value).hue(language).col(model)
 *     .colWrap(3).labels("Country", "Alignment to Country's Values").figure();
 * }</pre>
 */
public final class CatPlot {
  private final Study study;
  private final Labels labels;
  private final String fileName;
  private final String[] x;
  private final double[] values;
  private String[] hue, col, row;
  private int colWrap;
  private String title, xLabel, yLabel;
  private Interval interval = Interval.bootstrapCi(95, 0);

  private CatPlot(Study study, String fileName, String[] x, double[] values) {
    this.study = study;
    this.labels = Labels.of(study);
    if (x.length != values.length) throw new IllegalArgumentException(fileName + ": " + x.length + " x values but " + values.length + " values");
    if (x.length == 0) throw new IllegalArgumentException(fileName + ": no values to plot");
    this.fileName = fileName;
    this.x = x;
    this.values = values;
  }

  public static CatPlot of(String fileName, String[] x, double[] values) {
    return of(Study.paper(), fileName, x, values);
  }

  /** A plot whose model levels take {@code study}'s order, colours and display names. */
  public static CatPlot of(Study study, String fileName, String[] x, double[] values) {
    return new CatPlot(study, fileName, x, values);
  }

  public CatPlot hue(String[] h) { this.hue = check(h, "hue"); return this; }

  public CatPlot col(String[] c) { this.col = check(c, "col"); return this; }

  public CatPlot row(String[] r) { this.row = check(r, "row"); return this; }

  /** Wrap the facet columns after this many (no facet rows then). */
  public CatPlot colWrap(int n) { this.colWrap = n; return this; }

  /** The title of a single-panel figure (faceted figures title each panel by its facet). */
  public CatPlot title(String t) { this.title = t; return this; }

  public CatPlot labels(String xAxis, String yAxis) { this.xLabel = xAxis; this.yLabel = yAxis; return this; }

  public CatPlot interval(Interval i) { this.interval = i; return this; }

  private String[] check(String[] v, String what) {
    if (v.length != x.length) throw new IllegalArgumentException(fileName + ": " + v.length + " " + what + " values but " + x.length + " x values");
    return v;
  }

  /** Order of a variable's levels: the study's model order when they are models, else sorted. */
  private List<String> order(String[] v) {
    List<String> levels = Figures.sorted(v);
    if (!levels.isEmpty() && labels.allModels(levels)) return labels.modelsInOrder(v);
    return levels;
  }

  private List<Color> colors(List<String> hues) {
    List<Color> out = new ArrayList<>();
    boolean models = labels.allModels(hues);
    Palette palette = Palette.of(study);
    for (int i = 0; i < hues.size(); i++)
      out.add(Palette.desaturate(models ? palette.model(hues.get(i)) : Palette.DEEP.get(i % Palette.DEEP.size()), 0.75));
    return out;
  }

  public Figure figure() {
    String[] h = hue != null ? hue : filled("all");
    String[] c = col != null ? col : filled("");
    String[] r = row != null ? row : filled("");
    List<String> hues = order(h), cols = order(c), rows = order(r);
    int nCols = cols.size(), nRows = rows.size();
    if (colWrap > 0 && row == null && nCols > colWrap) {
      nRows = (nCols + colWrap - 1) / colWrap;
      nCols = colWrap;
    }
    List<Color> colors = colors(hues);
    Facets f = Facets.grid(nRows, nCols).shareY(true);
    int maxX = 1, maxHues = 1;
    int k = 0;
    for (String rv : rows)
      for (String cv : cols) {
        List<Integer> sel = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (r[i].equals(rv) && c[i].equals(cv) && !Double.isNaN(values[i])) sel.add(i);
        int pr = colWrap > 0 && row == null ? k / nCols : rows.indexOf(rv), pc = colWrap > 0 && row == null ? k % nCols : cols.indexOf(cv);
        k++;
        if (sel.isEmpty()) continue;
        String[] px = new String[sel.size()], ph = new String[sel.size()];
        double[] pv = new double[sel.size()];
        for (int j = 0; j < sel.size(); j++) { px[j] = x[sel.get(j)]; ph[j] = h[sel.get(j)]; pv[j] = values[sel.get(j)]; }
        List<String> xs = order(px);
        maxX = Math.max(maxX, xs.size());
        maxHues = Math.max(maxHues, Figures.sorted(ph).size());
        // the hues present in this panel, in the figure's order and colours (seaborn reserves a slot for every hue)
        List<String> ph0 = new ArrayList<>(), seen = Figures.sorted(ph);
        List<Color> pc0 = new ArrayList<>();
        for (int j = 0; j < hues.size(); j++) if (seen.contains(hues.get(j))) { ph0.add(hues.get(j)); pc0.add(colors.get(j)); }
        Aggregate a = Aggregate.of(xs, ph0, px, ph, pv, interval);
        Panel p = Panel.categoricalX(xs).style(Panel.Style.WHITEGRID_DESPINE).bars(a.mean, a.lo, a.hi, pc0).categoryLabels(11, xs.size() > 4 ? 45 : 0)
            .fonts(11, 12, 12);
        String t = (row != null ? labels.displayName(rv) : "") + (row != null && col != null ? " | " : "")
            + (col != null ? labels.displayName(cv) : "");
        if (!t.isEmpty()) p.title(t);
        else if (title != null) p.title(title);
        if (pc == 0 && yLabel != null) p.yLabel(yLabel);
        if (pr == nRows - 1 && xLabel != null) p.xLabel(xLabel);
        f.set(pr, pc, p);
      }
    int panelW = Math.min(900, Math.max(240, 12 * maxX * (maxHues + 1)));
    int width = Math.min(3200, 60 + nCols * panelW);
    int legendColumns = Math.max(1, Math.min(4, width / 230));
    f.size(width, 80 + nRows * 280 + (hue != null ? 24 * ((hues.size() + legendColumns - 1) / legendColumns) : 0)).spacing(40, 70);
    if (hue != null) {
      List<LegendItem> items = new ArrayList<>();
      for (int i = 0; i < hues.size(); i++) items.add(LegendItem.patch(labels.displayName(hues.get(i)), colors.get(i)));
      f.legend(items, Math.min(legendColumns, hues.size()), Facets.LegendAt.BELOW, 12, false);
    }
    return f.figure(fileName);
  }

  private String[] filled(String v) {
    String[] out = new String[x.length];
    java.util.Arrays.fill(out, v);
    return out;
  }
}
