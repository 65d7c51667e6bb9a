package org.mcalign.plot;

import static org.mcalign.plot.Labels.pt;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import tech.tablesaw.api.Table;

/** The three per-language alignment figures of {@code plot_language_analyses.py}. */
final class LanguageBreakdown {
  private LanguageBreakdown() {}

  /** Long rows: language, level, group, model, value (three per coefficient row in the wide form). */
  record Rows(String[] language, String[] level, String[] group, String[] model, double[] value) {}

  static Rows read(String figure, Table t) {
    Columns.require(figure, t, "model_name", "gt_group", "level", "language");
    String[] lang = Figures.mapAll(Columns.strings(t, "language"), Labels::language);
    String[] level = Figures.mapAll(Columns.strings(t, "level"), Labels::title);
    String[] group = Figures.mapAll(Columns.strings(t, "gt_group"), Labels::group);
    String[] model = Figures.mapAll(Columns.strings(t, "model_name"), Labels::modelId);
    if (Columns.has(t, "alignment")) return new Rows(lang, level, group, model, Columns.numbers(figure, t, "alignment"));
    String lo = Columns.lowerBound(t);
    String hi = Columns.upperBound(t);
    if (!Columns.has(t, "coefficient") || !Columns.has(t, lo) || !Columns.has(t, hi))
      throw new IllegalArgumentException(figure + ": table '" + t.name() + "' needs either column 'alignment' or columns 'coefficient', 'conf_int_lower', 'conf_int_upper'; it has " + t.columnNames());
    double[][] cols = {Columns.numbers(figure, t, "coefficient"), Columns.numbers(figure, t, lo), Columns.numbers(figure, t, hi)};
    int n = t.rowCount();
    String[] l3 = new String[3 * n], v3 = new String[3 * n], g3 = new String[3 * n], m3 = new String[3 * n];
    double[] val = new double[3 * n];
    for (int k = 0; k < 3; k++)
      for (int i = 0; i < n; i++) {
        l3[k * n + i] = lang[i]; v3[k * n + i] = level[i]; g3[k * n + i] = group[i]; m3[k * n + i] = model[i];
        val[k * n + i] = cols[k][i];
      }
    return new Rows(l3, v3, g3, m3, val);
  }

  /** Level order: first appearance when rows are sorted by ground-truth group name (as the paper's sorted data). */
  static List<String> levelOrder(Rows r, List<Integer> rows) {
    List<Integer> s = new ArrayList<>(rows);
    s.sort(Comparator.comparing(i -> r.group()[i]));
    LinkedHashSet<String> levels = new LinkedHashSet<>();
    for (int i : s) levels.add(r.level()[i]);
    return new ArrayList<>(levels);
  }

  static Panel panel(Rows r, List<Integer> rows, String level, List<String> models, Interval interval, double tickPx, double rotation) {
    List<Integer> sel = rows.stream().filter(i -> level.equals(r.level()[i])).toList();
    String[] x = new String[sel.size()], hue = new String[sel.size()];
    double[] v = new double[sel.size()];
    for (int j = 0; j < sel.size(); j++) { int i = sel.get(j); x[j] = r.group()[i]; hue[j] = r.model()[i]; v[j] = r.value()[i]; }
    List<String> groups = Figures.sorted(x);
    Aggregate a = Aggregate.of(groups, models, x, hue, v, interval);
    List<Color> colors = models.stream().map(m -> Palette.desaturate(Palette.model(m), 0.75)).toList();
    return Panel.categoricalX(groups).style(Panel.Style.WHITEGRID_DESPINE).bars(a.mean, a.lo, a.hi, colors).categoryLabels(tickPx, rotation);
  }

  static Figure single(Table t, String language, String name, Interval interval, int w, int h, double scale, double rotation, double aspect) {
    Rows r = read(name, t);
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < r.value().length; i++) if (language.equals(r.language()[i]) && !Double.isNaN(r.value()[i])) rows.add(i);
    if (rows.isEmpty()) throw new IllegalArgumentException(name + ": table '" + t.name() + "' has no rows for language " + language);
    List<String> levels = levelOrder(r, rows);
    List<String> models = Labels.modelsInOrder(rows.stream().map(i -> r.model()[i]).toArray(String[]::new));
    Facets f = Facets.grid(1, levels.size()).shareY(true).size(w, h).spacing(60, 20);
    double tick = pt(11 * scale), title = pt(12 * scale);
    for (int c = 0; c < levels.size(); c++) {
      Panel p = panel(r, rows, levels.get(c), models, interval, tick, rotation).title(levels.get(c)).fonts(tick, title, title);
      if (c == 0) p.yLabel("alignment");
      f.set(0, c, p);
    }
    List<Color> colors = models.stream().map(m -> Palette.desaturate(Palette.model(m), 0.75)).toList();
    return f.legend(Figures.patches(models, colors, false), 3, Facets.LegendAt.BELOW, tick, false).figure(name);
  }

  static Figure monolingual(Table t, String name) {
    Rows r = read(name, t);
    List<String> languages = List.of("Danish", "Dutch");
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < r.value().length; i++) if (languages.contains(r.language()[i]) && !Double.isNaN(r.value()[i])) rows.add(i);
    if (rows.isEmpty()) throw new IllegalArgumentException(name + ": table '" + t.name() + "' has no rows for Danish or Dutch");
    List<String> levels = levelOrder(r, rows);
    List<String> models = Labels.modelsInOrder(rows.stream().map(i -> r.model()[i]).toArray(String[]::new));
    double tick = pt(11 * 2.3), title = pt(12 * 2.3);
    Facets f = Facets.grid(languages.size(), levels.size()).shareY(true).size(2185, 1107).spacing(40, 40);
    for (int li = 0; li < languages.size(); li++) {
      String lang = languages.get(li);
      List<Integer> lr = rows.stream().filter(i -> lang.equals(r.language()[i])).toList();
      for (int c = 0; c < levels.size(); c++)
        f.set(li, c, panel(r, lr, levels.get(c), models, Interval.percentile(95), tick, 0).title(lang + " | " + levels.get(c)).fonts(tick, title, title));
    }
    List<Color> colors = models.stream().map(m -> Palette.desaturate(Palette.model(m), 0.75)).toList();
    return f.supYLabel("cultural alignment").supFont(pt(12 * 2.3 * 1.2))
        .legend(Figures.patches(models, colors, false), 3, Facets.LegendAt.BELOW, tick, false).figure(name);
  }
}
